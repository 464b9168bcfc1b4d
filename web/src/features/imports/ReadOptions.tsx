// How to read the file: kind, sheet (when the workbook has several), header row, date order, the
// year for dates written without one and, for an export of one shop, the seller of every row. Each
// change asks the server for a new preview.
import { Group, NumberInput, Select } from '@mantine/core';
import { dateOrderOptions, isDateOrder, isImportKind, kindHasSeller, kindOptions, sellerColumn } from './import-choices';
import type { ImportPreview, ImportRequest } from './imports-api';
import { SellerForEveryRow } from './SellerForEveryRow';
import type { DraftAction } from './use-import-draft';

export interface ReadOptionsProps {
  request: ImportRequest;
  preview: ImportPreview | undefined;
  dispatch: (action: DraftAction) => void;
}

export function ReadOptions({ request, preview, dispatch }: ReadOptionsProps) {
  const sheets = preview?.sheets ?? null;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="read-options">
      <Select
        label="The file holds"
        size="xs"
        w={220}
        data={kindOptions}
        value={request.kind}
        allowDeselect={false}
        onChange={(value) => {
          if (isImportKind(value) && value !== request.kind) dispatch({ type: 'kind', kind: value });
        }}
      />
      {sheets && sheets.length > 1 ? (
        <Select
          label="Sheet"
          size="xs"
          w={200}
          data={sheets}
          value={request.sheet ?? preview?.sheet ?? null}
          allowDeselect={false}
          onChange={(value) => {
            if (value !== null) dispatch({ type: 'sheet', sheet: value });
          }}
        />
      ) : null}
      <NumberInput
        label="Header row"
        size="xs"
        w={110}
        min={1}
        max={1000}
        allowDecimal={false}
        allowNegative={false}
        value={request.headerRow ?? preview?.headerRow ?? ''}
        onChange={(value) => {
          const row = typeof value === 'number' ? value : undefined;
          if (row === undefined || row >= 1) dispatch({ type: 'headerRow', headerRow: row });
        }}
      />
      <Select
        label="Date order"
        size="xs"
        w={170}
        data={dateOrderOptions}
        value={request.dateOrder ?? 'auto'}
        allowDeselect={false}
        onChange={(value) =>
          dispatch({ type: 'dateOrder', dateOrder: isDateOrder(value) ? value : undefined })
        }
      />
      <NumberInput
        label="Year (dates without one)"
        size="xs"
        w={170}
        min={1990}
        max={2100}
        allowDecimal={false}
        allowNegative={false}
        placeholder="e.g. 2026"
        value={request.year ?? ''}
        onChange={(value) => {
          const year = typeof value === 'number' && value >= 1990 && value <= 2100 ? value : undefined;
          dispatch({ type: 'year', year });
        }}
      />
      {kindHasSeller(request.kind) ? (
        <SellerForEveryRow
          key={request.seller ?? ''}
          value={request.seller}
          sellerColumn={preview ? sellerColumn(preview) : null}
          onCommit={(seller) => dispatch({ type: 'seller', seller })}
        />
      ) : null}
    </Group>
  );
}
