// Which item a confirmation modal is about. The item outlives `opened`, so the modal's text does not
// go blank while it fades out.
import { useState } from 'react';

export interface ConfirmTarget<T> {
  target: T | null;
  opened: boolean;
  open: (target: T) => void;
  close: () => void;
}

export function useConfirmTarget<T>(): ConfirmTarget<T> {
  const [target, setTarget] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  return {
    target,
    opened,
    open: (next) => {
      setTarget(next);
      setOpened(true);
    },
    close: () => setOpened(false),
  };
}
