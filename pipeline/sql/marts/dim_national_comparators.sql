-- The units the area is ranked among when comparators are chosen by rule (`comparators:`),
-- one row each with the rule that chose it. A reference.comparators file wins: then none.
--   force       complete units whose main force is the area's
--   region      units in the area's region (reference.regions: district → region)
--   england     every complete English unit
--   neighbours  the n English units nearest the area by standardised Euclidean distance of IMD
--               2019 average score and log10 population (CIPFA's nearest-neighbour measure;
--               docs/methods.md#statistical-neighbours; indicators/methods/neighbours.ts)
--   codes       the units listed
-- Incomplete units chosen by region, neighbours or codes are left out of the rank by name
-- (agg_comparators_left_out), never silently.
with settings as (
    select *
    from run_national
    where is_national and not exists (select 1 from dim_comparators)
),

units as (
    select dim_national_units.*
    from dim_national_units
    where exists (select 1 from settings)
),

area as (
    select * from units where is_area
),

-- A unit's region: the region of most of its districts.
unit_regions as (
    select units.unit_code, regions.region_code
    from units, unnest(units.lad_codes) as members(lad_code)
    inner join (
        select distinct lad_code, region_code from stg_ref__regions
    ) as regions on members.lad_code = regions.lad_code
    group by units.unit_code, regions.region_code
    qualify row_number() over (partition by units.unit_code order by count(*) desc, regions.region_code) = 1
),

-- A unit's IMD average score: its districts' scores weighted by their residents (the IoD's
-- district score is itself a population-weighted average of its LSOAs').
district_scores as (
    select lad_code, any_value(average_score order by file_id desc, line desc) as average_score
    from stg_ref__imd_districts
    where is_imd
    group by lad_code
),

district_population as (
    select unit_lsoas.lad_code, sum(population.population) as population
    from dim_national_unit_lsoas as unit_lsoas
    inner join dim_population as population on unit_lsoas.lsoa_code = population.area_code
    where population.year = (select max(population_year) from dim_national_units)
    group by unit_lsoas.lad_code
),

unit_scores as (
    select
        units.unit_code,
        sum(district_scores.average_score * district_population.population)
            / sum(district_population.population) as imd_score,
        count(district_scores.average_score) = len(any_value(units.lad_codes)) as has_every_score
    from units, unnest(units.lad_codes) as members(lad_code)
    inner join district_scores on members.lad_code = district_scores.lad_code
    inner join district_population on members.lad_code = district_population.lad_code
    group by units.unit_code
),

-- English units with a score and residents, the area among them: the standardisation's set.
scored as (
    select units.unit_code, units.is_area, unit_scores.imd_score, log10(units.population) as log_population
    from units
    inner join unit_scores on units.unit_code = unit_scores.unit_code
    where unit_scores.has_every_score and units.country = 'E' and units.population > 0
),

standardised as (
    select
        unit_code,
        is_area,
        (imd_score - avg(imd_score) over ()) / stddev_samp(imd_score) over () as z_score,
        (log_population - avg(log_population) over ()) / stddev_samp(log_population) over ()
            as z_population
    from scored
),

neighbours as (
    select
        candidates.unit_code,
        sqrt((candidates.z_score - area.z_score) ** 2
            + (candidates.z_population - area.z_population) ** 2) as distance
    from standardised as candidates
    cross join (select * from standardised where is_area) as area
    where not candidates.is_area
    qualify row_number() over (order by distance, candidates.unit_code)
        <= (select comparator_n from settings)
),

chosen as (
    select units.unit_code, 'force' as rule, null::double as distance
    from units
    where (select comparator_auto from settings) = 'force'
        and not units.is_area and units.force = (select force from area)
        and units.coverage = 'complete'
    union all
    select unit_regions.unit_code, 'region', null
    from unit_regions
    inner join units on unit_regions.unit_code = units.unit_code
    where (select comparator_auto from settings) = 'region' and not units.is_area
        and unit_regions.region_code
            = (select region_code from unit_regions where unit_code = (select unit_code from area))
    union all
    select unit_code, 'england', null
    from units
    where (select comparator_auto from settings) = 'england' and not is_area and country = 'E'
        and coverage = 'complete'
    union all
    select unit_code, 'neighbours', distance
    from neighbours
    where (select comparator_auto from settings) = 'neighbours'
    union all
    select units.unit_code, 'codes', null
    from units
    where (select comparator_auto from settings) = ''
        and not units.is_area
        and list_contains((select comparator_codes from settings), units.unit_code)
)

select
    chosen.unit_code,
    units.unit_name,
    chosen.rule,
    chosen.distance,
    units.coverage,
    units.coverage_note
from chosen
inner join units on chosen.unit_code = units.unit_code
