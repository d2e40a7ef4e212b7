import { alignmentLabels, alignments, reactionStanceLabels } from '@/server/reactions/reactions.labels';
import { alignmentStyle, stanceColours, Swatch, patternId } from './reaction-display';
import type { PublicReactionsOverview } from './types';

/**
 * How many reactions have each primary stance, and how many reacting states and organisations stand with, against
 * or neutral towards each party. Plain tables with bars drawn by CSS width: readable without the colours.
 */
export function ReactionCounts({ overview }: { overview: PublicReactionsOverview }) {
  const stances = overview.countsByStance.filter((item) => item.count > 0);
  const most = Math.max(1, ...stances.map((item) => item.count));
  const partyName = new Map(overview.parties.map((party) => [party.id, party.name]));
  return (
    <div className="mt-6 grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="text-sm font-semibold text-ink">Reactions by primary stance</h3>
        <table className="mt-2 w-full text-sm">
          <caption className="sr-only">Number of reactions by their primary stance</caption>
          <tbody>
            {stances.map(({ stance, count }) => (
              <tr key={stance}>
                <th scope="row" className="w-1/2 py-0.5 pr-2 text-left font-normal text-stone-700">
                  {reactionStanceLabels[stance]}
                </th>
                <td className="py-0.5">
                  <span className="flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className="inline-block h-3 rounded-sm"
                      style={{ width: `${Math.max(4, Math.round((count / most) * 100))}%`, background: stanceColours[stance] }}
                    />
                    <span className="tabular-nums text-stone-800">{count}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-ink">Where the reacting states and organisations stand</h3>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">Number of reacting states and organisations by alignment towards each party</caption>
            <thead>
              <tr className="text-stone-600">
                <th scope="col" className="py-0.5 pr-2 text-left font-medium">
                  Towards
                </th>
                {alignments.map((alignment) => (
                  <th key={alignment} scope="col" className="py-0.5 pr-2 text-right font-medium">
                    <span className="inline-flex items-center gap-1">
                      <Swatch fill={`url(#${patternId(alignment)})`} />
                      <span>{alignmentLabels[alignment]}</span>
                      <span className="sr-only"> ({alignmentStyle[alignment].patternName})</span>
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.countsByAlignment.map(({ partyId, counts }) => (
                <tr key={partyId} className="border-t border-stone-100">
                  <th scope="row" className="py-0.5 pr-2 text-left font-normal text-stone-700">
                    {partyName.get(partyId) ?? 'Party'}
                  </th>
                  {alignments.map((alignment) => (
                    <td key={alignment} className="py-0.5 pr-2 text-right tabular-nums text-stone-800">
                      {counts[alignment]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
