/**
 * The night-time economy: how much of the area's violence with injury happens in its town
 * centre on Friday and Saturday nights, the hours licensing, transport and street-pastor
 * plans are made for, and how much of that is in or near licensed premises. The town centre is
 * the wards the config names (`area.town_centre_wards`).
 */
import { areaLabels } from '../area-labels.js';
import {
  defineFamily,
  type IndicatorContext,
  type IndicatorDefinition,
  type Measure,
} from '../define.js';
import { aggregate, indicatorRow, num } from '../rows.js';

/**
 * Friday or Saturday night, 20:00 to 03:59: the macro in pipeline/sql/meta/macros.sql, which
 * the per-ward model (agg_night_time_by_ward) uses too.
 */
export const WEEKEND_NIGHT = 'weekend_night(offence_date, committed_time)';

/** Violence with injury in the period with a known time, and `where`. */
const timed = (text: string, where?: string): Measure => ({
  from: 'fct_crime_categories',
  measure: 'count',
  period: 'assessment',
  where: ['committed_time is not null', ...(where ? [where] : [])].join(' and '),
  text,
});

export const nightTimeEconomyShare: IndicatorDefinition = {
  id: 'police.night_time_economy_share',
  title: 'Violence with injury in the town centre on weekend nights',
  definition:
    'Share (%) of violence with injury in the period with a known time of day that was committed in the town-centre wards (area.town_centre_wards) on a Friday or Saturday night, 20:00 to 03:59; Wilson 95% CI.',
  numerator: timed(
    'crimes in the town-centre wards on Friday and Saturday nights',
    `list_contains(run_config.town_centre_wards, ward_code) and (${WEEKEND_NIGHT})`,
  ),
  denominator: timed('crimes with a known time of day'),
  unit: 'percent',
  method: 'wilson',
  polarity: 'none',
  breakdowns: ['none'],
  // police.uk street files give no time of day.
  needs: ['police_crimes', 'geography', { config: 'area.town_centre_wards' }],
  disclosure: ['numerator', 'complement'],
  categories: ['violence_with_injury'],
};

/** Town-centre weekend-night violence with injury, the crimes the licensed share divides. */
const TOWN_CENTRE_NIGHT = `list_contains(run_config.town_centre_wards, ward_code) and (${WEEKEND_NIGHT})`;

export const nightTimeEconomyLicensedShare: IndicatorDefinition = {
  id: 'police.night_time_economy_licensed_share',
  title: 'Town-centre weekend-night violence with injury in or near licensed premises',
  definition:
    'Of the violence with injury in the period committed in the town-centre wards (area.town_centre_wards) on a Friday or Saturday night, 20:00 to 03:59, with a known location type, the share (%) in or near licensed premises (location_type licensed_premises); Wilson 95% CI. Not available when no crime in the extracts has a location type.',
  numerator: timed(
    'town-centre weekend-night crimes in or near licensed premises',
    `${TOWN_CENTRE_NIGHT} and location_type = 'licensed_premises'`,
  ),
  denominator: timed(
    'town-centre weekend-night crimes with a known location type',
    `${TOWN_CENTRE_NIGHT} and location_type is not null`,
  ),
  unit: 'percent',
  method: 'wilson',
  polarity: 'none',
  breakdowns: ['none'],
  needs: [
    'police_crimes',
    'geography',
    { config: 'area.town_centre_wards' },
    // An optional column: an extract without it (or blank throughout) has nothing to share out.
    { column: 'police_crimes.location_type' },
  ],
  disclosure: ['numerator', 'complement'],
  categories: ['violence_with_injury'],
};

export const nightTimeByWard: IndicatorDefinition = {
  id: 'police.night_time_economy_by_ward',
  title: 'Weekend-night violence with injury by ward',
  definition:
    'Violence with injury in the period committed on a Friday or Saturday night, 20:00 to 03:59, in each of the area’s wards: the night-time economy map, the town-centre wards (area.town_centre_wards) outlined.',
  numerator: {
    from: 'agg_night_time_by_ward',
    measure: 'crimes',
    text: 'weekend-night crimes in the ward',
  },
  denominator: null,
  unit: 'count',
  method: 'count',
  polarity: 'higher_is_worse',
  breakdowns: ['ward'],
  needs: ['police_crimes', 'geography'],
  disclosure: ['value'],
  categories: ['violence_with_injury'],
};

interface WardNight extends Record<string, unknown> {
  ward_code: string;
  ward_name: string | null;
  crimes: number;
  period_crimes: number;
  timed_crimes: number;
}

export const family = defineFamily({
  name: 'police-night-time-economy',
  order: 15,
  indicators: [nightTimeEconomyShare, nightTimeEconomyLicensedShare, nightTimeByWard],
  async compute(context) {
    const wards = await aggregate<WardNight>(context, 'night_time_by_ward');
    const label = areaLabels(wards.map((w) => ({ code: w.ward_code, name: w.ward_name })));
    const [first] = wards;
    const note = first
      ? timedNote(num(first.period_crimes), num(first.timed_crimes), context)
      : null;
    return wards.map((ward) =>
      indicatorRow(context, nightTimeByWard, {
        category: 'violence_with_injury',
        breakdown: 'ward',
        // Labelled as police.rate_by_ward labels its wards, so one map joins both.
        breakdown_value: label.get(ward.ward_code) ?? ward.ward_code,
        value: num(ward.crimes),
        note,
      }),
    );
  },
});

/**
 * What the ward counts leave out: crimes with no known time cannot be placed in a night. Said as
 * a share of the area's violence with injury in the period; a count below suppress_below of
 * either side is never stated, since the area total is published.
 */
export function timedNote(
  period: number,
  timed: number,
  context: Pick<IndicatorContext, 'config'>,
): string {
  const below = context.config.thresholds.suppressBelow;
  const untimed = period - timed;
  if (period === 0 || untimed === 0) return 'every crime of the period has a known time';
  if (untimed < below) {
    return `counted over crimes with a known time: all but fewer than ${below} of the period's`;
  }
  if (timed < below) {
    return `counted over crimes with a known time: fewer than ${below} of the period's have one`;
  }
  const share = Math.round((100 * timed) / period);
  return `counted over crimes with a known time: ${share}% of the period's (${timed.toLocaleString('en-GB')} of ${period.toLocaleString('en-GB')}); the rest cannot be placed in a night`;
}
