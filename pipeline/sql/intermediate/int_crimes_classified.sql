-- In-area crimes × serious violence category (contract §4); a crime may sit in several.
select int_crimes_located.crime_ref, int_crime_kind_categories.category
from int_crimes_located
inner join int_crime_kind_categories
    on int_crimes_located.ho_offence_code = int_crime_kind_categories.ho_offence_code
    and int_crimes_located.is_domestic = int_crime_kind_categories.is_domestic
    and int_crimes_located.is_knife = int_crime_kind_categories.is_knife
    and int_crimes_located.is_firearm = int_crime_kind_categories.is_firearm
where int_crimes_located.placement = 'in_area'
