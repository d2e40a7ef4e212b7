DROP INDEX "claims_claimant_idx";--> statement-breakpoint
CREATE INDEX "claims_claimant_said_idx" ON "claims" USING btree ("claimant_id","said_at" DESC NULLS LAST,"id" DESC NULLS FIRST);