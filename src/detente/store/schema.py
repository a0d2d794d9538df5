"""The store's tables and views (column meanings: docs/store.md) and the schema version it writes."""
from __future__ import annotations

STORE_SCHEMA_VERSION = 1

BLOCK_COLUMNS = ("block", "cluster_id")  # dedup_blocks: store.cluster's index of clusters by block and week

SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, written_by VARCHAR,
    created TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, dateline VARCHAR, published DATE,
    tags VARCHAR[], url VARCHAR, author VARCHAR, site VARCHAR, outlet VARCHAR, language VARCHAR,
    input_kind VARCHAR, n_actors INTEGER, n_events INTEGER, n_quotes INTEGER, n_places INTEGER,
    warnings VARCHAR[], lead_end INTEGER, text VARCHAR, record VARCHAR,
    added TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, code VARCHAR, country VARCHAR,
    sector VARCHAR, role VARCHAR, n_mentions INTEGER);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, actor_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR, article_id VARCHAR, local_id VARCHAR,
    source_actor VARCHAR, source_text VARCHAR, source_start INTEGER, source_end INTEGER,
    source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_actor VARCHAR, target_text VARCHAR, target_start INTEGER, target_end INTEGER,
    target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    cameo VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad_class TINYINT,
    plover VARCHAR, plover_mode VARCHAR,
    date VARCHAR, date_precision VARCHAR, date_text VARCHAR, date_source VARCHAR,
    date_start DATE, date_end DATE,
    place_text VARCHAR, place_name VARCHAR, place_country VARCHAR, place_feature VARCHAR,
    lat DOUBLE, lon DOUBLE, geonameid BIGINT, place_source VARCHAR,
    negated BOOLEAN, modality VARCHAR,
    speaker_actor VARCHAR, speaker_text VARCHAR, speaker_code VARCHAR, speaker_country VARCHAR,
    sentence_start INTEGER, sentence_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,
    trigger_text VARCHAR, evidence VARCHAR, n_mentions INTEGER, sentence_places VARCHAR[],
    dyad_key VARCHAR, cluster_id VARCHAR, published DATE, outlet VARCHAR, action_id VARCHAR);
CREATE TABLE IF NOT EXISTS event_mentions (
    event_id VARCHAR, article_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, quote_idx INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR,
    direct BOOLEAN, scare BOOLEAN, speaker_actor VARCHAR, speaker_text VARCHAR, speaker_code VARCHAR,
    speaker_country VARCHAR, speaker_sector VARCHAR, cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, place_idx INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR,
    country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT, role VARCHAR, feature VARCHAR);
"""

# One row per dedup cluster; always consistent because it is computed from the raw events.
CLUSTER_VIEW = """
CREATE OR REPLACE VIEW event_clusters AS
SELECT cluster_id,
       arg_min(event_id, coalesce(published, DATE '9999-12-31')::VARCHAR || event_id) AS event_id,
       count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
       count(DISTINCT coalesce(outlet, article_id)) AS num_sources,
       min(published) AS first_seen, max(published) AS last_seen,
       list(DISTINCT article_id ORDER BY article_id) AS article_ids
FROM events GROUP BY cluster_id
"""
