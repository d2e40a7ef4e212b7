'use client';

import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/primitives';
import { errorMessage } from '@/components/ui/form-errors';

const ConfirmDialogContent = dynamic(() => import('./confirm-dialog-content'), { ssr: false });

/**
 * A button that asks before doing something destructive. The dialog traps focus, closes on Escape and returns
 * focus to the button. `onConfirm` may reject; its message is shown in the dialog and the dialog stays open.
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  onConfirm,
  variant = 'danger',
  className,
}: {
  label: string;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: 'danger' | 'secondary' | 'ghost';
  className?: string;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so closing runs through the dialog (focus goes back to the button).
  const [opened, setOpened] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        ref={button}
        variant={variant}
        className={className}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {opened ? (
        <ConfirmDialogContent
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) setError(null);
          }}
          returnFocusTo={button}
          title={title}
          description={description}
          confirmLabel={confirmLabel}
          pending={pending}
          error={error}
          onConfirm={confirm}
        />
      ) : null}
    </>
  );
}
