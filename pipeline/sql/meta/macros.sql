-- Police self-defined 18+1 codes and ONS group names → the five ONS groups plus Unknown.
create or replace macro ethnic_group(code) as
    case
        when code is null or upper(code) in ('NS', 'UNKNOWN') then 'Unknown'
        when upper(code) = 'WHITE' or upper(code) like 'W_' then 'White'
        when upper(code) = 'MIXED' or upper(code) like 'M_' then 'Mixed'
        when upper(code) = 'ASIAN' or upper(code) like 'A_' then 'Asian'
        when upper(code) = 'BLACK' or upper(code) like 'B_' then 'Black'
        when upper(code) = 'OTHER' or upper(code) like 'O_' then 'Other'
        else 'Unknown'
    end;

-- Friday or Saturday night, 20:00 to 03:59, the hours after midnight belonging to the night
-- before (isodow: Friday 5, Saturday 6, Sunday 7): the night-time economy's hours.
create or replace macro weekend_night(offence_date, committed_time) as
    (isodow(offence_date) in (5, 6) and hour(committed_time) >= 20)
    or (isodow(offence_date) in (6, 7) and hour(committed_time) < 4);
