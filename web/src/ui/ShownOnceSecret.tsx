// A secret the server hands out exactly once (a temporary password, an API token): shown in full
// with a copy button and the plain warning that it cannot be shown again.
import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { TextWithCode } from './TextWithCode';
import classes from './ShownOnceSecret.module.css';

export interface ShownOnceSecretProps {
  label: string;
  secret: string;
  /** What to do with it; commands and headers in backticks show as code. */
  instructions: string;
}

export function ShownOnceSecret({ label, secret, instructions }: ShownOnceSecretProps) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block flex={1} data-testid="shown-once-secret" className={classes.secret}>
          {secret}
        </Code>
        <CopyButton value={secret} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal' : undefined}
                size="lg"
                onClick={copy}
                aria-label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
              >
                <CopyIcon copied={copied} />
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Alert color="yellow" variant="light" py="xs">
        <Text size="sm">
          <b>It will not be shown again.</b> <TextWithCode text={instructions} />
        </Text>
      </Alert>
    </Stack>
  );
}

function CopyIcon({ copied }: { copied: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
    >
      {copied ? (
        <path d="m5 12.5 4.5 4.5L19 7.5" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <>
          <rect x="8.5" y="8.5" width="11" height="11" rx="2" />
          <path d="M15.5 8.5V6a1.5 1.5 0 0 0-1.5-1.5H6A1.5 1.5 0 0 0 4.5 6v8A1.5 1.5 0 0 0 6 15.5h2.5" />
        </>
      )}
    </svg>
  );
}
