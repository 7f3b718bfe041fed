-- Boundary files (docs/contract.md#boundary-files), reloaded whole every run: each file read, each
-- unit's polygons (GeoJSON text, WGS84, d3 winding, 1e-7° snapped) and its distinct snapped vertices.
create table if not exists ref_boundary_files (
    source varchar not null,
    level varchar not null,
    path varchar not null,
    sha256 varchar not null,
    features_read integer not null,
    features_loaded integer not null,
    -- {"no geometry": 2, …} as JSON text: reason → features set aside.
    set_aside_reasons varchar not null
);

create table if not exists ref_boundaries (
    level varchar not null,
    code varchar not null,
    name varchar,
    path varchar not null,
    feature integer not null,
    geometry varchar not null
);

create table if not exists ref_boundary_vertices (
    level varchar not null,
    code varchar not null,
    x bigint not null,
    y bigint not null
);
