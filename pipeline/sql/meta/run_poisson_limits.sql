-- The exact Poisson limits of counts below 10 (χ² quantiles, which DuckDB lacks), written from
-- indicators/methods; from 10 the models use Byar's formula with `z`, as crudeRate does.
create or replace table run_poisson_limits as
select unnest(from_json($poisson, '[{"confidence":"DOUBLE","z":"DOUBLE","count":"INTEGER","lower":"DOUBLE","upper":"DOUBLE"}]'), recursive := true);
