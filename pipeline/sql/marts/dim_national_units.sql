-- One row per national unit (a district, a configured group, the area) with what decides
-- whether it is ranked (docs/contract.md#national-mode):
--   * its main force: the force that is main force of most of its LSOAs (dim_national_lsoa_forces);
--   * coverage: 'no_data' when none of its LSOAs has a row; 'incomplete' when its main force is
--     main force of half its LSOAs or fewer (its own force sent nothing: the rows are another
--     force's, geocoded across the border) or misses a month of the period; 'no_population'
--     when the population file lacks any of its LSOAs (IoD2019 File_6: England only);
--     else 'complete';
--   * its residents: the population file's LSOAs summed over the lookup, in the year the area's
--     rates use (the latest up to the year the period ends; dim_area_population's rule).
with population_year as (
    select max(year) as year
    from dim_population
    where year <= year((select period_end from run_config))
        and area_code in (select lsoa_code from dim_national_unit_lsoas)
),

lsoa_population as (
    select area_code as lsoa_code, sum(population) as population
    from dim_population
    where year = (select year from population_year)
        and area_code in (select lsoa_code from dim_national_unit_lsoas)
    group by area_code
),

lsoas as (
    select
        unit_lsoas.*,
        lsoa_forces.force,
        lsoa_population.population
    from dim_national_unit_lsoas as unit_lsoas
    left join dim_national_lsoa_forces as lsoa_forces
        on unit_lsoas.lsoa_code = lsoa_forces.lsoa_code
    left join lsoa_population on unit_lsoas.lsoa_code = lsoa_population.lsoa_code
),

main_force as (
    select unit_code, force, count(*) as force_lsoas
    from lsoas
    where force is not null
    group by unit_code, force
    qualify row_number() over (partition by unit_code order by count(*) desc, force) = 1
),

units as (
    select
        unit_code,
        any_value(unit_name order by lad_code) as unit_name,
        bool_or(is_area) as is_area,
        -- A group of English and Welsh districts counts as English.
        min(case left(lad_code, 1) when 'E' then 'E' when 'W' then 'W' end) as country,
        list(distinct lad_code order by lad_code) as lad_codes,
        count(*) as lsoas,
        count(force) as lsoas_with_rows,
        count(population) as lsoas_with_population,
        sum(population) as population
    from lsoas
    group by unit_code
),

period as (
    select
        datediff('month', date_trunc('month', period_start), date_trunc('month', period_end))::integer
            + 1 as months_in_period
    from run_config
),

force_months as (
    select
        force,
        count(*) filter (where is_covered)::integer as months_covered,
        string_agg(strftime(month, '%Y-%m'), ', ' order by month) filter (where not is_covered)
            as missing_months
    from dim_national_force_months
    group by force
),

classified as (
    select
        units.*,
        main_force.force,
        coalesce(main_force.force_lsoas, 0) as force_lsoas,
        coalesce(force_months.months_covered, 0) as months_covered,
        period.months_in_period,
        force_months.missing_months,
        case
            when units.lsoas_with_rows = 0 then 'no_data'
            when main_force.force_lsoas * 2 <= units.lsoas then 'incomplete'
            when coalesce(force_months.months_covered, 0) < period.months_in_period then 'incomplete'
            when units.lsoas_with_population < units.lsoas or units.population = 0 then 'no_population'
            else 'complete'
        end as coverage
    from units
    cross join period
    left join main_force on units.unit_code = main_force.unit_code
    left join force_months on main_force.force = force_months.force
)

select
    unit_code,
    unit_name,
    is_area,
    country,
    lad_codes,
    -- No main force where the one with most LSOAs has half of them or fewer: those rows are
    -- another force's, and the unit's own force is not known from these files.
    case when force_lsoas * 2 > lsoas then force end as force,
    lsoas,
    lsoas_with_rows,
    force_lsoas,
    -- Residents only when every LSOA has them: a part would understate the denominator.
    case when lsoas_with_population = lsoas then population end as population,
    (select year from population_year) as population_year,
    coverage,
    case coverage
        when 'no_data' then 'no police.uk rows in any of its ' || lsoas || ' LSOA' || if(lsoas = 1, '', 's')
        when 'incomplete' then
            case
                when force_lsoas * 2 <= lsoas then
                    'its own force sent no rows: only ' || lsoas_with_rows || ' of its ' || lsoas
                    || ' LSOA' || if(lsoas = 1, '', 's') || ' have rows, most from ' || force || ' (rows placed outside its own force area)'
                else force || ': no file for ' || missing_months
            end
        when 'no_population' then
            'no population: the population file has residents for ' || lsoas_with_population
            || ' of its ' || lsoas || ' LSOA' || if(lsoas = 1, '', 's')
    end as coverage_note,
    months_covered,
    months_in_period
from classified
