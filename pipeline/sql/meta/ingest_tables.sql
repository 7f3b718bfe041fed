-- Bookkeeping of what has been loaded: one row per file version, and every rejected row.
create sequence if not exists seq_file_id start 1;

create table if not exists ingest_files (
    file_id integer not null,
    source varchar not null,
    path varchar not null,
    sha256 varchar not null,
    bytes bigint,
    rows_read bigint,
    rows_rejected bigint,
    loaded_at timestamp,
    -- How the file was read (column mapping, date format, encoding): changing them re-reads it.
    read_settings varchar
);
-- Databases made before read_settings existed.
alter table ingest_files add column if not exists read_settings varchar;

create table if not exists ingest_rejects (
    file_id integer not null,
    source varchar not null,
    path varchar not null,
    line bigint,
    "column" varchar,
    reason varchar not null,
    raw_line varchar
);
