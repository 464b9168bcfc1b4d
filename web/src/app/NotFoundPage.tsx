import { Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '../ui/PageHeader';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title="Page not found" description={`There is no page at ${pathname}.`} />
      <Text size="sm">
        <Anchor component={Link} to="/">
          Go to the overview
        </Anchor>
      </Text>
    </>
  );
}
