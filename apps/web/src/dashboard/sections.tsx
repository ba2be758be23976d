import { Breakdowns } from './breakdowns';
import { BusinessLeague } from './businesses';
import { DimensionBreakdowns } from './dimensions';
import type { Filters } from './filters';
import { HotspotBusinesses } from './hotspots';
import { Trends } from './trends';
import { UnitLeague } from './units';

/**
 * Everything below the KPI cards: the trends, the breakdowns, the hotspots and the league tables.
 * Its own chunk (index.tsx loads it once the headline figures are shown), so antd's table and the
 * rest of these sections' code stay off the path to the first figures on a phone.
 */
export default function Sections(props: {
  filters: Filters;
  set: (patch: Partial<Filters>) => void;
  cityWide: boolean;
  drill: boolean;
  nonce: number;
}) {
  const { filters, set, cityWide, drill, nonce } = props;
  return (
    <>
      <Trends filters={filters} set={set} areaAllowed={cityWide} nonce={nonce} drill={drill} />
      <Breakdowns filters={filters} areaAllowed={cityWide} nonce={nonce} drill={drill} />
      <DimensionBreakdowns filters={filters} areaAllowed={cityWide} nonce={nonce} drill={drill} />
      <HotspotBusinesses filters={filters} nonce={nonce} drill={drill} />
      <UnitLeague filters={filters} nonce={nonce} drill={drill} />
      <BusinessLeague filters={filters} nonce={nonce} drill={drill} />
    </>
  );
}
