-- One row per area crime × serious violence category, with the date it counts on.
select
    int_crimes_classified.crime_ref,
    int_crimes_classified.category,
    fct_crimes.offence_date
from int_crimes_classified
inner join fct_crimes on int_crimes_classified.crime_ref = fct_crimes.crime_ref
