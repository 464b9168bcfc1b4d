// "Seller for every row": the seller of an export of one shop that names no seller in a column (a
// shop's own LIVE list or order export). The typed text is sent when the field is left or Enter is
// pressed — not per keystroke, since each change asks the server for a new preview. The server
// matches it to a seller by id, else by name, else creates the seller on load.
import { TextInput } from '@mantine/core';
import { useState } from 'react';

export interface SellerForEveryRowProps {
  value: string | undefined;
  /** The file's own seller column, if it has one: then every row already names its seller. */
  sellerColumn: string | null;
  onCommit: (seller: string | undefined) => void;
}

export function SellerForEveryRow({ value, sellerColumn, onCommit }: SellerForEveryRowProps) {
  const [text, setText] = useState(value ?? '');
  const commit = () => {
    const seller = text.trim() || undefined;
    if (seller !== value) onCommit(seller);
  };
  const blocked = sellerColumn !== null && !value;
  return (
    <TextInput
      label="Seller for every row"
      size="xs"
      w={220}
      maxLength={200}
      placeholder={blocked ? `From column “${sellerColumn}”` : 'ID or name, for a one-shop export'}
      disabled={blocked}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      data-testid="seller-for-every-row"
    />
  );
}
