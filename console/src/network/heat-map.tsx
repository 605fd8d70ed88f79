import '@mantine/charts/styles.css';
import { MatrixChart, type MatrixChartCell } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { countryName } from '../registry/country-names';
import { useSession } from '../session';

export interface HeatCell {
  jurisdictionId: string;
  memberName: string;
  country: string;
  priorities: number;
  activities: number;
  partners: number;
  relationships: number;
  assets: number;
  total: number;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** The rows (members) and columns (countries, most shared first) of the heat map, and each cell by member and country. */
export function heatGrid(cells: readonly HeatCell[]): { members: string[]; countries: string[]; cellAt: (member: string, country: string) => HeatCell | undefined } {
  const members = [...new Set(cells.map((cell) => cell.memberName))].sort((a, b) => a.localeCompare(b));
  const totals = new Map<string, number>();
  for (const cell of cells) totals.set(cell.country, (totals.get(cell.country) ?? 0) + cell.total);
  const countries = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
  const byKey = new Map(cells.map((cell) => [`${cell.memberName}\u0000${cell.country}`, cell]));
  return { members, countries, cellAt: (member, country) => byKey.get(`${member}\u0000${country}`) };
}

/**
 * Members × target countries as a matrix chart (Mantine's MatrixChart), every
 * cell reachable by keyboard: Tab enters the chart at one cell, the arrow keys
 * move between cells, and each cell says its numbers; the table below carries
 * the same numbers for those who do not see the chart.
 */
export function HeatMap({ cells }: { cells: readonly HeatCell[] }) {
  const { t, i18n } = useTranslation();
  const { jurisdiction } = useSession();
  const language = i18n.resolvedLanguage ?? 'en';
  const { members, countries, cellAt } = useMemo(() => heatGrid(cells), [cells]);
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const [said, setSaid] = useState('');
  const [focused, setFocused] = useState(false);
  const label = (member: string, country: string) => {
    const cell = cellAt(member, country);
    return t('network.dashboard.heatCell', {
      member,
      country: countryName(country, language),
      total: cell?.total ?? 0,
      priorities: cell?.priorities ?? 0,
      activities: cell?.activities ?? 0,
      partners: cell?.partners ?? 0,
      relationships: cell?.relationships ?? 0,
      assets: cell?.assets ?? 0,
    });
  };
  const data: MatrixChartCell[] = members.flatMap((member) => countries.map((country) => ({ y: member, x: country, value: cellAt(member, country)?.total || null })));
  const indexOf = (cell: MatrixChartCell): [number, number] => [members.indexOf(cell.y), countries.indexOf(cell.x)];
  const move = (event: KeyboardEvent<SVGRectElement>, from: [number, number]) => {
    const step = MOVES[event.key];
    if (!step) return;
    event.preventDefault();
    const next: [number, number] = [Math.min(members.length - 1, Math.max(0, from[0] + step[0])), Math.min(countries.length - 1, Math.max(0, from[1] + step[1]))];
    setFocus(next);
    const svg = event.currentTarget.ownerSVGElement;
    svg?.querySelector<SVGRectElement>(`rect[data-cell="${next[0]}-${next[1]}"]`)?.focus();
  };
  return (
    <>
      <figure style={{ margin: 0, overflowX: 'auto' }} aria-labelledby="heat-heading" aria-describedby="heat-hint">
        <MatrixChart
          data={data}
          xLabels={countries}
          yLabels={members}
          withXLabels
          withYLabels
          xLabelsPosition="top"
          xLabelsRotation={0}
          xLabelsHeight={28}
          yLabelsWidth={Math.min(260, 12 + Math.max(...members.map((m) => m.length)) * 7.5)}
          cellSize={34}
          gap={3}
          colors={['indigo.2', 'indigo.4', 'indigo.6', 'indigo.9']}
          emptyColor="gray.1"
          withLegend
          legendLabels={[t('network.dashboard.less'), t('network.dashboard.more')]}
          withTooltip
          getTooltipLabel={(cell) => label(cell.y, cell.x)}
          role="group"
          aria-label={t('network.dashboard.heatTitle')}
          data-testid="heat-map"
          getCellProps={(cell) => {
            const [row, column] = indexOf(cell);
            const active = row === focus[0] && column === focus[1];
            return {
              role: 'img',
              tabIndex: active ? 0 : -1,
              'aria-label': label(cell.y, cell.x),
              'data-cell': `${row}-${column}`,
              'data-member': cell.y,
              'data-country': cell.x,
              'data-total': String(cell.value ?? 0),
              // The focused cell is outlined (an SVG rect draws no focus ring of its own).
              ...(active && focused ? { stroke: 'var(--mantine-color-orange-8)', strokeWidth: 3 } : {}),
              onKeyDown: (event: KeyboardEvent<SVGRectElement>) => move(event, [row, column]),
              onFocus: () => {
                setFocus([row, column]);
                setFocused(true);
                setSaid(label(cell.y, cell.x));
              },
              onBlur: () => setFocused(false),
            };
          }}
        />
      </figure>
      <Text size="sm" mt="xs" aria-live="polite" data-testid="heat-focus" mih={22}>
        {said}
      </Text>
      <Text component="h3" fw={700} mt="md" id="heat-table-heading">
        {t('network.dashboard.heatTable')}
      </Text>
      <Table.ScrollContainer minWidth={Math.max(480, 140 + countries.length * 64)}>
        <Table striped withColumnBorders data-testid="heat-table" aria-labelledby="heat-table-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('network.dashboard.member')}</Table.Th>
              {countries.map((country) => (
                <Table.Th key={country} scope="col" ta="right">
                  <abbr title={countryName(country, language)}>{country}</abbr>
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('network.dashboard.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member}>
                <Table.Th scope="row">{member}</Table.Th>
                {countries.map((country) => (
                  <Table.Td key={country} ta="right" data-testid={`heat-${member}-${country}`}>
                    {formatNumber(cellAt(member, country)?.total ?? 0, jurisdiction, 0)}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatNumber(countries.reduce((sum, country) => sum + (cellAt(member, country)?.total ?? 0), 0), jurisdiction, 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
