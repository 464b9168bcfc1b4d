// Server messages and hints mark commands with backticks (`aisle demo`); show those as code.
import { Fragment } from 'react';
import { Code } from '@mantine/core';

export function TextWithCode({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? <Code key={index}>{part}</Code> : <Fragment key={index}>{part}</Fragment>,
      )}
    </>
  );
}
