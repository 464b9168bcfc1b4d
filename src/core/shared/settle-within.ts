/**
 * `work`'s outcome, or 'late' when it has not settled within `ms` (the timer is cleared either
 * way). The stale-while-refreshing paths use it: past the wait, they answer with what they had.
 */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
