// After an import, a large workspace may answer a page with its previous figures for a moment
// (`refreshing: true`) while the new ones are computed. These helpers ask again until they are
// there, and say so on the page meanwhile.
import { Badge, Loader, Tooltip } from '@mantine/core';

/** react-query `refetchInterval`: every second while the answer is the previous figures. */
export function refetchWhileRefreshing(query: { state: { data?: { refreshing?: boolean } | undefined } }): number | false {
  return query.state.data?.refreshing ? 1000 : false;
}

/** A quiet badge shown while the figures on screen are the ones before the latest data change. */
export function RefreshingBadge({ refreshing }: { refreshing: boolean | undefined }) {
  if (!refreshing) return null;
  return (
    <Tooltip label="New data arrived: these are the figures before it, and the page updates itself when the new ones are ready." multiline w={280}>
      <Badge variant="light" color="blue" leftSection={<Loader size={10} color="blue" />} data-testid="refreshing-badge">
        Updating figures…
      </Badge>
    </Tooltip>
  );
}
