-- table meta on meta
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value BLOB
);

-- table outbox on outbox
CREATE TABLE outbox (
    client_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload BLOB NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created TEXT NOT NULL
, resource_type TEXT, server_location TEXT, next_attempt TEXT, refusal TEXT);

-- table resources on resources
CREATE TABLE resources (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version_id TEXT,
    last_updated TEXT NOT NULL,
    effective_date TEXT,
    code_system TEXT,
    code TEXT,
    status TEXT,
    json BLOB NOT NULL, search_doc INTEGER, encounter_id TEXT,
    PRIMARY KEY (type, id)
);

-- table search_terms on search_terms
CREATE TABLE search_terms (
    token TEXT NOT NULL,
    doc INTEGER NOT NULL,
    PRIMARY KEY (token, doc)
) WITHOUT ROWID;

-- table sync_state on sync_state
CREATE TABLE sync_state (
    type TEXT PRIMARY KEY,
    cursor TEXT,
    next_link TEXT,
    last_success TEXT,
    last_error TEXT
);

-- index outbox_by_state on outbox
CREATE INDEX outbox_by_state ON outbox (state, created);

-- index resources_by_code on resources
CREATE INDEX resources_by_code ON resources (type, code_system, code, effective_date);

-- index resources_by_date on resources
CREATE INDEX resources_by_date ON resources (type, effective_date DESC);

-- index resources_by_search_doc on resources
CREATE INDEX resources_by_search_doc ON resources (search_doc, type, effective_date, id, code, encounter_id);

-- index resources_by_updated on resources
CREATE INDEX resources_by_updated ON resources (type, last_updated);

-- index search_terms_by_doc on search_terms
CREATE INDEX search_terms_by_doc ON search_terms (doc);

