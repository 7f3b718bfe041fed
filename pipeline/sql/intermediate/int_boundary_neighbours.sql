-- Queen contiguity (docs/methods.md#contiguity): two units of a level are neighbours when they share
-- at least one vertex once coordinates are snapped to 1e-7° (ref_boundary_vertices holds each unit's
-- distinct snapped vertices). A hash join on the vertex, so linear in vertices: no all-pairs step.
-- Both directions, never a unit with itself; over every unit loaded, not only the area's.
select distinct
    a.level,
    a.code,
    b.code as neighbour_code
from ref_boundary_vertices as a
inner join ref_boundary_vertices as b
    on a.level = b.level and a.x = b.x and a.y = b.y and a.code <> b.code
