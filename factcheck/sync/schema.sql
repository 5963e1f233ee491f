-- factcheck's shared store in the newsroom's PostgreSQL (schema version 4).
--
-- Clients hold no privilege on any table: they call SECURITY DEFINER functions (push,
-- push_file, push_state, the pulls and their pages, whoami), which check who is calling with session_user (the login that
-- PostgreSQL authenticated, not a name typed on a laptop) and enforce the rules that
-- matter: membership of the project, editors alone approve and publish, four-eyes by
-- server identity (by the names it gives, for the history an editor first brought), event ids that match their content, parents the log already holds,
-- and an append-only log (a trigger refuses UPDATE and DELETE of a published event, even
-- to the owner). Pushes are serialised per project by SELECT ... FOR UPDATE on the
-- project's row, which also numbers the log: a client's cursor is that counter, so commit
-- order is cursor order and no row is ever skipped.
--
-- A push comes in batches, each call its own transaction, so that neither a laptop nor
-- the server holds a whole history at once. Until its last batch the push is unfinished:
-- its events are numbered after the counter (pulls stop at the counter), its rows wait in
-- staged_rows, and the project's row says whose it is (push_by ...). The last batch
-- publishes it all at once (the counter moves, the rows join state_rows), so a puller
-- never sees rows ahead of their events. Meanwhile others' pushes are refused (busy); a
-- push left unfinished longer than push_stale() is discarded by the next one, and its
-- own author resumes it from where the server says it stands (push_state).

CREATE SCHEMA IF NOT EXISTS factcheck;

CREATE TABLE IF NOT EXISTS factcheck.meta (
    key text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE IF NOT EXISTS factcheck.projects (
    id text PRIMARY KEY,                 -- the id of the project's first event, as in every copy
    name text NOT NULL,
    counter bigint NOT NULL DEFAULT 0,   -- events held; the cursor clients pull from
    head text,                           -- the id of the newest event
    created_by name NOT NULL DEFAULT session_user,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- The unfinished push, if any (schema version 2): who sends it, the last event it holds
-- (numbered after counter), whether it is the seed (begun on an empty log: the history an
-- editor brings, approvals unchecked), and when its last batch came.
ALTER TABLE factcheck.projects ADD COLUMN IF NOT EXISTS push_by name;
ALTER TABLE factcheck.projects ADD COLUMN IF NOT EXISTS push_seq bigint;
ALTER TABLE factcheck.projects ADD COLUMN IF NOT EXISTS push_head text;
ALTER TABLE factcheck.projects ADD COLUMN IF NOT EXISTS push_seed boolean;
ALTER TABLE factcheck.projects ADD COLUMN IF NOT EXISTS push_at timestamptz;
-- The last event of the seed, once published (schema version 4). The seed's events were all
-- pushed by the editor who brought them, so by server identity that editor "last changed"
-- every verdict in the history: four-eyes credits a verdict changed in the seed to the name
-- its event gives instead (see push). (A project seeded before version 4 has none: its
-- history stays credited to whoever pushed it.)
ALTER TABLE factcheck.projects ADD COLUMN IF NOT EXISTS seeded_to bigint;

CREATE TABLE IF NOT EXISTS factcheck.members (
    project text NOT NULL REFERENCES factcheck.projects ON DELETE CASCADE,
    username name NOT NULL,
    role text NOT NULL CHECK (role IN ('checker', 'editor')),
    PRIMARY KEY (project, username)
);

CREATE TABLE IF NOT EXISTS factcheck.events (
    project text NOT NULL,
    seq bigint NOT NULL,
    id text NOT NULL,
    parents text NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    data text NOT NULL,
    pushed_by name NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project, seq)
);
CREATE INDEX IF NOT EXISTS events_entity ON factcheck.events (project, entity_id);
-- The names a login has pushed under, since a point of the log: four-eyes on a verdict of the seed (schema 4).
CREATE INDEX IF NOT EXISTS events_pusher ON factcheck.events (project, pushed_by, actor, seq);
-- An event's id is the hash of its content, which includes its parents back to the
-- project's own first event: one id, one project. Lookups by id alone use this index
-- whatever the planner thinks of a log that was empty when the push began.
CREATE UNIQUE INDEX IF NOT EXISTS events_id ON factcheck.events (id);

-- The rows the last push that touched them left (as a hand-off file carries them): what
-- a pulling client merges against, beside the events.
CREATE TABLE IF NOT EXISTS factcheck.state_rows (
    project text NOT NULL,
    tbl text NOT NULL,
    key text NOT NULL,
    body jsonb NOT NULL,
    seq bigint NOT NULL,
    PRIMARY KEY (project, tbl, key)
);
-- In the order a pull reads them, page by page (version 3; version 2's index on (project, seq) alone goes:
-- this one serves what it served).
CREATE INDEX IF NOT EXISTS state_rows_page ON factcheck.state_rows (project, seq, tbl, key);
DROP INDEX IF EXISTS factcheck.state_rows_seq;

-- The rows of the unfinished push, moved to state_rows when it is published.
CREATE TABLE IF NOT EXISTS factcheck.staged_rows (
    project text NOT NULL,
    tbl text NOT NULL,
    key text NOT NULL,
    body jsonb NOT NULL,
    PRIMARY KEY (project, tbl, key)
);

CREATE TABLE IF NOT EXISTS factcheck.blobs (
    project text NOT NULL,
    sha256 text NOT NULL,
    mime text NOT NULL,
    size bigint NOT NULL,
    filename text NOT NULL,
    data bytea NOT NULL,
    seq bigint NOT NULL,
    PRIMARY KEY (project, sha256)
);
CREATE INDEX IF NOT EXISTS blobs_page ON factcheck.blobs (project, seq, sha256);
DROP INDEX IF EXISTS factcheck.blobs_seq;

-- No foreign key from these tables to projects: push (the only writer) locks the project's
-- row FOR UPDATE, and a key check per inserted row, each in the subtransaction of an
-- exception block, would pile up one multixact member per event (quadratic).
ALTER TABLE factcheck.events DROP CONSTRAINT IF EXISTS events_project_fkey;
ALTER TABLE factcheck.state_rows DROP CONSTRAINT IF EXISTS state_rows_project_fkey;
ALTER TABLE factcheck.blobs DROP CONSTRAINT IF EXISTS blobs_project_fkey;

CREATE OR REPLACE FUNCTION factcheck.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An unfinished push's events (after the counter) were never published: a discarded push takes them back.
    IF TG_OP = 'DELETE' AND OLD.seq > (SELECT p.counter FROM factcheck.projects p WHERE p.id = OLD.project) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'FC405', MESSAGE = 'the event log is append-only', HINT = 'append-only';
END $$;
DROP TRIGGER IF EXISTS events_append_only ON factcheck.events;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON factcheck.events
    FOR EACH ROW EXECUTE FUNCTION factcheck.refuse_change();

REVOKE ALL ON ALL TABLES IN SCHEMA factcheck FROM PUBLIC;
REVOKE ALL ON SCHEMA factcheck FROM PUBLIC;

-- Who is calling, and with which role in a project (NULL: not a member).
CREATE OR REPLACE FUNCTION factcheck.whoami(p_project text)
RETURNS TABLE (username name, role text, counter bigint, head text)
LANGUAGE sql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
    SELECT session_user, m.role, p.counter, p.head
    FROM factcheck.projects p LEFT JOIN factcheck.members m ON m.project = p.id AND m.username = session_user
    WHERE p.id = p_project
$$;

-- The JSON text of one string, as factcheck's canonical JSON spells it (Python's
-- json encoder with ensure_ascii off, which escapes exactly what PostgreSQL's does).
CREATE OR REPLACE FUNCTION factcheck.q(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT to_json(t)::text $$;

-- Whether the project's four-eyes rule is on: its last setting, else its creation's.
CREATE OR REPLACE FUNCTION factcheck.four_eyes(p_project text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = factcheck, pg_temp AS $$
    SELECT coalesce(
        (SELECT (data::jsonb -> 'after')::text = 'true' FROM factcheck.events
          WHERE project = p_project AND action = 'settings.update' AND entity_id = 'four_eyes'
          ORDER BY seq DESC LIMIT 1),
        (SELECT coalesce((data::jsonb -> 'settings' -> 'four_eyes')::text, 'true') = 'true' FROM factcheck.events
          WHERE project = p_project AND seq = 1),
        true)
$$;

-- How long an unfinished push may wait for its next batch before another push may discard it.
CREATE OR REPLACE FUNCTION factcheck.push_stale() RETURNS interval
LANGUAGE sql IMMUTABLE AS $$ SELECT interval '10 minutes' $$;

-- Take back the unfinished push: its events, its files and its staged rows (none was published).
CREATE OR REPLACE FUNCTION factcheck.push_discard(p_project text) RETURNS void
LANGUAGE plpgsql SET search_path = factcheck, pg_temp AS $$
DECLARE
    v_counter bigint;
BEGIN
    SELECT p.counter INTO v_counter FROM factcheck.projects p WHERE p.id = p_project;
    DELETE FROM factcheck.events WHERE project = p_project AND seq > v_counter;
    DELETE FROM factcheck.blobs WHERE project = p_project AND seq > v_counter;
    DELETE FROM factcheck.staged_rows WHERE project = p_project;
    UPDATE factcheck.projects SET push_by = NULL, push_seq = NULL, push_head = NULL, push_seed = NULL, push_at = NULL
    WHERE id = p_project;
END $$;

-- The start of every push call: who calls (their role is returned), the project's row locked,
-- and the unfinished push this call works on. p_after: the last event the caller sent in
-- its unfinished push, which this call continues; NULL begins a push (the caller's own
-- unfinished one, if any, is discarded). Another's unfinished push refuses the call while
-- it is fresh (busy, or seeding: the first push) and is discarded once stale. Whether a
-- push is the seed is decided here, when it begins on an empty log, and kept in the row:
-- a client cannot claim it.
CREATE OR REPLACE FUNCTION factcheck.push_open(p_project text, p_base bigint, p_after text) RETURNS text
LANGUAGE plpgsql SET search_path = factcheck, pg_temp AS $$
DECLARE
    v_role text;
    p factcheck.projects%ROWTYPE;
BEGIN
    SELECT m.role INTO v_role FROM factcheck.members m WHERE m.project = p_project AND m.username = session_user;
    IF v_role IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'FC403',
            MESSAGE = format('%s may not change project %s on this server', session_user, p_project), HINT = 'not-member',
            DETAIL = json_build_object('user', session_user::text)::text;
    END IF;
    SELECT * INTO p FROM factcheck.projects WHERE id = p_project FOR UPDATE;
    IF p.counter <> p_base THEN
        RAISE EXCEPTION USING ERRCODE = 'FC409', MESSAGE = 'the server has changes this copy has not pulled', HINT = 'behind';
    END IF;
    IF p.push_by IS NOT NULL AND p.push_by <> session_user THEN
        IF p.push_at > now() - factcheck.push_stale() THEN
            RAISE EXCEPTION USING ERRCODE = 'FC423', MESSAGE = format('%s is still sending a push', p.push_by),
                HINT = CASE WHEN p.push_seed THEN 'seeding' ELSE 'busy' END,
                DETAIL = json_build_object('user', p.push_by::text)::text;
        END IF;
        IF p.push_seed AND v_role <> 'editor' THEN
            RAISE EXCEPTION USING ERRCODE = 'FC403',
                MESSAGE = 'an editor puts a project on the server first (its history comes with it), then checkers sync',
                HINT = 'seed-editor', DETAIL = json_build_object('user', session_user::text)::text;
        END IF;
        PERFORM factcheck.push_discard(p_project);  -- left unfinished too long: taken back
        p.push_by := NULL;
    END IF;
    IF p_after IS NOT NULL THEN
        IF p.push_by IS NULL OR p.push_head IS DISTINCT FROM p_after THEN
            RAISE EXCEPTION USING ERRCODE = 'FC409', MESSAGE = 'this copy''s unfinished push is not where it says',
                HINT = 'behind';
        END IF;
        UPDATE factcheck.projects SET push_at = now() WHERE id = p_project;
        RETURN v_role;
    END IF;
    IF p.push_by IS NOT NULL THEN
        PERFORM factcheck.push_discard(p_project);  -- the caller begins its push again
    END IF;
    -- The first push brings the project's history as it was before the desk synced it,
    -- approvals included: an editor's to make. From then on every review rule holds.
    IF p.counter = 0 AND v_role <> 'editor' THEN
        RAISE EXCEPTION USING ERRCODE = 'FC403',
            MESSAGE = 'an editor puts a project on the server first (its history comes with it), then checkers sync',
            HINT = 'seed-editor', DETAIL = json_build_object('user', session_user::text)::text;
    END IF;
    UPDATE factcheck.projects SET push_by = session_user, push_seq = counter, push_head = head,
        push_seed = counter = 0, push_at = now()
    WHERE id = p_project;
    RETURN v_role;
END $$;

-- A batch of a push: a client's events (in its order, parents first) on top of the version
-- it last pulled (p_base: the counter it saw), with the rows they left; refuse the batch
-- with a reason otherwise. p_after: see push_open. p_final publishes the push (this batch
-- and every one before it); until then nobody pulls any of it.
-- p_events: [[id, parents, at, actor, action, entity, entity_id, data], ...]; p_rows: [[table, key, row], ...]
-- Returns the counter once published, else the number of the push's last event.
CREATE OR REPLACE FUNCTION factcheck.push(p_project text, p_name text, p_base bigint, p_after text, p_events jsonb,
                                          p_rows jsonb, p_final boolean)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
DECLARE
    v_role text;
    v_counter bigint;
    v_seq bigint;
    v_head text;
    e jsonb;
    v_id text; v_parents text; v_at text; v_actor text; v_action text; v_entity text; v_entity_id text;
    v_data text; v_body jsonb;
    v_parent text;
    v_last name;
    v_last_actor text;
    v_in_seed boolean;
    v_seeded_to bigint;
    r jsonb;
    v_seed boolean;
    v_held text;
    v_held_seq bigint;
BEGIN
    IF jsonb_typeof(p_events) <> 'array' OR jsonb_typeof(p_rows) <> 'array' OR p_final IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = 'a push is two lists and whether it ends', HINT = 'malformed';
    END IF;
    v_role := factcheck.push_open(p_project, p_base, p_after);
    SELECT p.counter, p.push_seq, p.push_head, p.push_seed INTO v_counter, v_seq, v_head, v_seed
    FROM factcheck.projects p WHERE p.id = p_project;
    FOR e IN SELECT value FROM jsonb_array_elements(p_events) LOOP
        IF jsonb_typeof(e) <> 'array' OR jsonb_array_length(e) <> 8
           OR EXISTS (SELECT 1 FROM jsonb_array_elements(e) x WHERE jsonb_typeof(x) <> 'string') THEN
            RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = 'an event is a list of eight texts', HINT = 'malformed',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        END IF;
        v_id := e ->> 0; v_parents := e ->> 1; v_at := e ->> 2; v_actor := e ->> 3; v_action := e ->> 4;
        v_entity := e ->> 5; v_entity_id := e ->> 6; v_data := e ->> 7;
        IF length(v_data) > 1048576 OR length(v_parents) + length(v_at) + length(v_actor) + length(v_action)
           + length(v_entity) + length(v_entity_id) > 65536 THEN
            RAISE EXCEPTION USING ERRCODE = 'FC413', MESSAGE = format('event %s is larger than an event can be', v_id), HINT = 'too-large',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        END IF;
        IF encode(sha256(convert_to('[' || v_parents || ',' || q(v_at) || ',' || q(v_actor) || ',' || q(v_action)
                  || ',' || q(v_entity) || ',' || q(v_entity_id) || ',' || q(v_data) || ']', 'UTF8')), 'hex') <> v_id THEN
            RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = format('event %s does not match its id', v_id), HINT = 'bad-id',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        END IF;
        -- Its id matched, so data and parents are what the client hashed; a client's JSON
        -- that PostgreSQL cannot read fails the push with 22P02 (no exception block: one
        -- subtransaction per event would make a large push slow).
        v_body := v_data::jsonb;
        IF jsonb_typeof(v_parents::jsonb) <> 'array' THEN
            RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = format('event %s is not well formed', v_id), HINT = 'malformed',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        END IF;
        SELECT ev.project, ev.seq INTO v_held, v_held_seq FROM factcheck.events ev WHERE ev.id = v_id;
        IF v_held = p_project THEN
            IF v_held_seq > v_counter THEN
                v_head := v_id;  -- sent again in this unfinished push: it is still its newest so far
            END IF;
            CONTINUE;  -- already held (pushed before by another copy): the log holds each event once
        ELSIF v_held IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = format('event %s belongs to another project', v_id), HINT = 'other-project',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        END IF;
        IF v_seq = 0 THEN
            IF v_id <> p_project OR v_action <> 'project.create' OR v_parents <> '[]' THEN
                RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = 'a project starts with its creation', HINT = 'malformed',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
            END IF;
        ELSE
            IF jsonb_array_length(v_parents::jsonb) = 0 THEN
                RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = format('event %s has no parent', v_id), HINT = 'unknown-parent',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
            END IF;
            FOR v_parent IN SELECT jsonb_array_elements_text(v_parents::jsonb) LOOP
                SELECT ev.project INTO v_held FROM factcheck.events ev WHERE ev.id = v_parent;
                IF v_held IS DISTINCT FROM p_project THEN
                    RAISE EXCEPTION USING ERRCODE = 'FC422',
                        MESSAGE = format('event %s names a parent the server does not hold', v_id), HINT = 'unknown-parent',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
                END IF;
            END LOOP;
        END IF;
        -- Review: editors alone sign off; a status changes only through review.
        IF v_seed THEN
            NULL;  -- the history the editor brought, taken as it is, in every batch of the seed
        ELSIF v_action IN ('claim.approve', 'claim.publish') AND v_role <> 'editor' THEN
            RAISE EXCEPTION USING ERRCODE = 'FC403',
                MESSAGE = format('%s is a checker on this project: only an editor may %s a verdict',
                                 session_user, substr(v_action, 7)), HINT = 'checker-signoff',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        ELSIF v_action IN ('claim.approve', 'claim.publish')
           AND coalesce(jsonb_typeof(v_body -> 'approved_state'), '') <> 'string' THEN
            -- An approval names the verdict it signed off, so a later merge can tell it lapsed.
            RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = format('event %s approves no named verdict', v_id),
                HINT = 'approval-state',
                DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        ELSIF v_action IN ('claim.create', 'claim.update') AND jsonb_typeof(v_body -> 'after') = 'object'
           AND (v_body -> 'after') ?| ARRAY['status', 'approved_by', 'approved_at', 'published_by', 'published_at',
                                          'verdict_by'] THEN
            RAISE EXCEPTION USING ERRCODE = 'FC403', MESSAGE = 'a review status changes only through review', HINT = 'status-outside-review',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        ELSIF v_action = 'project.merge' AND v_role <> 'editor' AND EXISTS (
            SELECT 1 FROM jsonb_array_elements(coalesce(v_body -> 'units', '[]'::jsonb)) u
             WHERE u ->> 0 = 'claims' AND u ->> 2 = 'status' AND u ->> 3 IN ('approved', 'published')
               AND NOT EXISTS (SELECT 1 FROM factcheck.events a JOIN factcheck.members m
                                 ON m.project = a.project AND m.username = a.pushed_by AND m.role = 'editor'
                                WHERE a.project = p_project AND a.entity_id = u ->> 1
                                  AND a.action IN ('claim.approve', 'claim.publish'))) THEN
            RAISE EXCEPTION USING ERRCODE = 'FC403',
                MESSAGE = 'a merge may keep only approvals an editor made on this server', HINT = 'merge-approval',
            DETAIL = json_build_object('user', session_user::text, 'event', v_id)::text;
        ELSIF v_action = 'claim.approve' AND factcheck.four_eyes(p_project) THEN
            -- Who last changed the verdict: the login that pushed it. In the seed every event is the seeding
            -- editor's push, so there it is the name the event gives, which only names can be compared with:
            -- the approval's own, and every name this login has pushed under since the seed (a login cannot
            -- approve its verdict by typing another name for the approval alone).
            SELECT ev.pushed_by, ev.actor, ev.seq <= coalesce(p.seeded_to, 0), p.seeded_to
              INTO v_last, v_last_actor, v_in_seed, v_seeded_to
              FROM factcheck.events ev JOIN factcheck.projects p ON p.id = ev.project
             WHERE ev.project = p_project AND ev.entity_id = v_entity_id
               AND ev.action IN ('claim.create', 'claim.update')
               AND (ev.data::jsonb -> 'after') ?| ARRAY['rating', 'verdict_summary']
             ORDER BY ev.seq DESC LIMIT 1;
            IF (NOT v_in_seed AND v_last = session_user)
               OR (v_in_seed AND (v_last_actor = v_actor OR EXISTS (
                   SELECT 1 FROM factcheck.events mine
                    WHERE mine.project = p_project AND mine.pushed_by = session_user AND mine.actor = v_last_actor
                      AND mine.seq > v_seeded_to))) THEN
                RAISE EXCEPTION USING ERRCODE = 'FC403',
                    MESSAGE = format('%s last changed this verdict, so someone else must approve it (four-eyes)',
                                     CASE WHEN v_in_seed THEN v_last_actor ELSE session_user::text END),
                    HINT = 'four-eyes',
            DETAIL = json_build_object('user', CASE WHEN v_in_seed THEN v_last_actor ELSE session_user::text END,
                                       'event', v_id)::text;
            END IF;
        END IF;
        v_seq := v_seq + 1;
        INSERT INTO factcheck.events (project, seq, id, parents, at, actor, action, entity, entity_id, data, pushed_by)
        VALUES (p_project, v_seq, v_id, v_parents, v_at, v_actor, v_action, v_entity, v_entity_id, v_data,
                session_user);
        v_head := v_id;
    END LOOP;
    FOR r IN SELECT value FROM jsonb_array_elements(p_rows) LOOP
        IF jsonb_typeof(r) <> 'array' OR jsonb_array_length(r) <> 3 OR jsonb_typeof(r -> 2) <> 'object'
           OR r ->> 0 NOT IN ('articles', 'versions', 'sources', 'claims', 'citations', 'comments', 'corrections',
                              'claim_tasks', 'settings', 'attachments') THEN
            RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = 'a row is [table, key, object]', HINT = 'malformed';
        END IF;
        IF p_final AND p_after IS NULL THEN  -- a push in one call: published at once
            INSERT INTO factcheck.state_rows (project, tbl, key, body, seq)
            VALUES (p_project, r ->> 0, r ->> 1, r -> 2, v_seq)
            ON CONFLICT (project, tbl, key) DO UPDATE SET body = excluded.body, seq = excluded.seq;
        ELSE
            INSERT INTO factcheck.staged_rows (project, tbl, key, body) VALUES (p_project, r ->> 0, r ->> 1, r -> 2)
            ON CONFLICT (project, tbl, key) DO UPDATE SET body = excluded.body;
        END IF;
    END LOOP;
    IF NOT p_final THEN
        UPDATE factcheck.projects SET push_seq = v_seq, push_head = v_head, push_at = now() WHERE id = p_project;
        RETURN v_seq;
    END IF;
    IF p_after IS NOT NULL THEN
        INSERT INTO factcheck.state_rows (project, tbl, key, body, seq)
        SELECT s.project, s.tbl, s.key, s.body, v_seq FROM factcheck.staged_rows s WHERE s.project = p_project
        ON CONFLICT (project, tbl, key) DO UPDATE SET body = excluded.body, seq = excluded.seq;
        DELETE FROM factcheck.staged_rows WHERE project = p_project;
    END IF;
    UPDATE factcheck.projects SET counter = v_seq, head = v_head,
        name = CASE WHEN name = '' THEN coalesce(p_name, '') ELSE name END,
        seeded_to = CASE WHEN v_seed THEN v_seq ELSE seeded_to END,
        push_by = NULL, push_seq = NULL, push_head = NULL, push_seed = NULL, push_at = NULL
    WHERE id = p_project;
    IF v_seq > v_counter THEN
        PERFORM pg_notify('factcheck', p_project || ' ' || v_seq);
    END IF;
    RETURN v_seq;
END $$;

-- One stored file (an original, an archived page, evidence) of the caller's unfinished push,
-- sent after the batch that names it, as bytes rather than inside the JSON of a batch.
CREATE OR REPLACE FUNCTION factcheck.push_file(p_project text, p_base bigint, p_after text, p_sha256 text,
                                               p_mime text, p_filename text, p_data bytea)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
DECLARE
    v_seq bigint;
BEGIN
    PERFORM factcheck.push_open(p_project, p_base, p_after);
    IF p_data IS NULL OR encode(sha256(p_data), 'hex') IS DISTINCT FROM p_sha256 THEN
        RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = 'a stored file does not match its SHA-256', HINT = 'bad-file';
    END IF;
    SELECT p.push_seq INTO v_seq FROM factcheck.projects p WHERE p.id = p_project;
    INSERT INTO factcheck.blobs (project, sha256, mime, size, filename, data, seq)
    VALUES (p_project, p_sha256, coalesce(p_mime, ''), length(p_data), coalesce(p_filename, ''), p_data, v_seq)
    ON CONFLICT (project, sha256) DO NOTHING;
END $$;

-- The caller's unfinished push, if any: its last event and how many it holds, so a laptop
-- that stopped half way (killed, offline) resumes after them.
CREATE OR REPLACE FUNCTION factcheck.push_state(p_project text)
RETURNS TABLE (head text, held bigint, seed boolean)
LANGUAGE sql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
    SELECT p.push_head, p.push_seq - p.counter, p.push_seed FROM factcheck.projects p
    WHERE p.id = p_project AND p.push_by = session_user
$$;

-- A whole push in one call (factcheck 1's clients): one batch, published at once.
-- p_blobs: [[sha256, mime, size, filename, base64], ...]
CREATE OR REPLACE FUNCTION factcheck.push(p_project text, p_name text, p_base bigint, p_events jsonb,
                                          p_rows jsonb, p_blobs jsonb)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
DECLARE
    v_head text;
    r jsonb;
BEGIN
    IF jsonb_typeof(p_blobs) <> 'array' THEN
        RAISE EXCEPTION USING ERRCODE = 'FC422', MESSAGE = 'a push is three lists', HINT = 'malformed';
    END IF;
    PERFORM factcheck.push(p_project, p_name, p_base, NULL, p_events, p_rows, false);
    SELECT p.push_head INTO v_head FROM factcheck.projects p WHERE p.id = p_project;
    FOR r IN SELECT value FROM jsonb_array_elements(p_blobs) LOOP
        PERFORM factcheck.push_file(p_project, p_base, v_head, r ->> 0, r ->> 1, r ->> 3, decode(r ->> 4, 'base64'));
    END LOOP;
    RETURN factcheck.push(p_project, p_name, p_base, v_head, '[]', '[]', true);
END $$;

-- What came after a client's cursor: events, the rows they left, the stored files.
-- Call the three in one REPEATABLE READ transaction so they describe one moment.
CREATE OR REPLACE FUNCTION factcheck.pull_events(p_project text, p_after bigint)
RETURNS TABLE (seq bigint, id text, parents text, at text, actor text, action text, entity text, entity_id text,
               data text, pushed_by name)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM factcheck.members m WHERE m.project = p_project AND m.username = session_user) THEN
        RAISE EXCEPTION USING ERRCODE = 'FC403',
            MESSAGE = format('%s may not read project %s on this server', session_user, p_project), HINT = 'not-member',
            DETAIL = json_build_object('user', session_user::text)::text;
    END IF;
    -- Up to the counter: an unfinished push's events are not published yet.
    RETURN QUERY SELECT e.seq, e.id, e.parents, e.at, e.actor, e.action, e.entity, e.entity_id, e.data, e.pushed_by
                 FROM factcheck.events e WHERE e.project = p_project AND e.seq > p_after
                  AND e.seq <= (SELECT p.counter FROM factcheck.projects p WHERE p.id = p_project)
                 ORDER BY e.seq;
END $$;

CREATE OR REPLACE FUNCTION factcheck.pull_rows(p_project text, p_after bigint)
RETURNS TABLE (tbl text, key text, body jsonb)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM factcheck.members m WHERE m.project = p_project AND m.username = session_user) THEN
        RAISE EXCEPTION USING ERRCODE = 'FC403', MESSAGE = 'not a member of this project', HINT = 'not-member',
            DETAIL = json_build_object('user', session_user::text)::text;
    END IF;
    RETURN QUERY SELECT s.tbl, s.key, s.body FROM factcheck.state_rows s
                 WHERE s.project = p_project AND s.seq > p_after;
END $$;

CREATE OR REPLACE FUNCTION factcheck.pull_blobs(p_project text, p_after bigint)
RETURNS TABLE (sha256 text, mime text, size bigint, filename text, data bytea)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM factcheck.members m WHERE m.project = p_project AND m.username = session_user) THEN
        RAISE EXCEPTION USING ERRCODE = 'FC403', MESSAGE = 'not a member of this project', HINT = 'not-member',
            DETAIL = json_build_object('user', session_user::text)::text;
    END IF;
    RETURN QUERY SELECT b.sha256, b.mime, b.size, b.filename, b.data FROM factcheck.blobs b
                 WHERE b.project = p_project AND b.seq > p_after
                  AND b.seq <= (SELECT p.counter FROM factcheck.projects p WHERE p.id = p_project);
END $$;

-- A large pull, page by page (schema version 3): keyset pages of each stream in the order of the counter
-- that published them, so a laptop reads a project of millions of events in short calls, none of which
-- holds the whole of it. Call the three in one REPEATABLE READ transaction with whoami (one moment).
-- A row a later push moved (its seq is that push's counter) is met again further on, as it is now.
-- Their indexes, state_rows_page and blobs_page, are with their tables above.

-- Refuse a caller who is not a member of the project.
CREATE OR REPLACE FUNCTION factcheck.reader(p_project text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = factcheck, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM factcheck.members m WHERE m.project = p_project AND m.username = session_user) THEN
        RAISE EXCEPTION USING ERRCODE = 'FC403',
            MESSAGE = format('%s may not read project %s on this server', session_user, p_project), HINT = 'not-member',
            DETAIL = json_build_object('user', session_user::text)::text;
    END IF;
END $$;

-- The events after p_after, up to the counter: at most p_limit, and only as many as fit in about p_chars
-- characters (one at least).
CREATE OR REPLACE FUNCTION factcheck.pull_page(p_project text, p_after bigint, p_limit integer, p_chars bigint)
RETURNS TABLE (seq bigint, id text, parents text, at text, actor text, action text, entity text, entity_id text,
               data text, pushed_by name)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
BEGIN
    PERFORM factcheck.reader(p_project);
    RETURN QUERY
    SELECT e.seq, e.id, e.parents, e.at, e.actor, e.action, e.entity, e.entity_id, e.data, e.pushed_by FROM (
        SELECT ev.*, sum(length(ev.data) + length(ev.parents) + 256) OVER (ORDER BY ev.seq ROWS UNBOUNDED PRECEDING)
                     - (length(ev.data) + length(ev.parents) + 256) AS before
        FROM factcheck.events ev
        WHERE ev.project = p_project AND ev.seq > p_after
          AND ev.seq <= (SELECT p.counter FROM factcheck.projects p WHERE p.id = p_project)
        ORDER BY ev.seq LIMIT p_limit) e
    WHERE e.before < greatest(p_chars, 1)
    ORDER BY e.seq;
END $$;

-- The rows published after p_since, from (p_seq, p_tbl, p_key) on, in (seq, tbl, key) order; sized as pull_page.
CREATE OR REPLACE FUNCTION factcheck.pull_rows_page(p_project text, p_since bigint, p_seq bigint, p_tbl text,
                                                    p_key text, p_limit integer, p_chars bigint)
RETURNS TABLE (seq bigint, tbl text, key text, body jsonb)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
BEGIN
    PERFORM factcheck.reader(p_project);
    RETURN QUERY
    SELECT s.seq, s.tbl, s.key, s.body FROM (
        SELECT r.*, sum(octet_length(r.body::text) + 64) OVER (ORDER BY r.seq, r.tbl, r.key ROWS UNBOUNDED PRECEDING)
                    - (octet_length(r.body::text) + 64) AS before
        FROM factcheck.state_rows r
        WHERE r.project = p_project AND r.seq > p_since AND (r.seq, r.tbl, r.key) > (p_seq, p_tbl, p_key)
        ORDER BY r.seq, r.tbl, r.key LIMIT p_limit) s
    WHERE s.before < greatest(p_chars, 1)
    ORDER BY s.seq, s.tbl, s.key;
END $$;

-- The stored files published after p_since, from (p_seq, p_sha256) on, up to about p_bytes (one at least).
CREATE OR REPLACE FUNCTION factcheck.pull_files_page(p_project text, p_since bigint, p_seq bigint, p_sha256 text,
                                                     p_limit integer, p_bytes bigint)
RETURNS TABLE (seq bigint, sha256 text, mime text, size bigint, filename text, data bytea)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = factcheck, pg_temp AS $$
BEGIN
    PERFORM factcheck.reader(p_project);
    RETURN QUERY
    SELECT f.seq, f.sha256, f.mime, f.size, f.filename, f.data FROM (
        SELECT b.*, sum(b.size) OVER (ORDER BY b.seq, b.sha256 ROWS UNBOUNDED PRECEDING) - b.size AS before
        FROM factcheck.blobs b
        WHERE b.project = p_project AND b.seq > p_since AND (b.seq, b.sha256) > (p_seq, p_sha256)
          AND b.seq <= (SELECT p.counter FROM factcheck.projects p WHERE p.id = p_project)
        ORDER BY b.seq, b.sha256 LIMIT p_limit) f
    WHERE f.before < greatest(p_bytes, 1)
    ORDER BY f.seq, f.sha256;
END $$;

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'factcheck_client') THEN
        CREATE ROLE factcheck_client NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA factcheck TO factcheck_client;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA factcheck FROM PUBLIC;
GRANT EXECUTE ON FUNCTION factcheck.whoami(text), factcheck.push(text, text, bigint, jsonb, jsonb, jsonb),
    factcheck.push(text, text, bigint, text, jsonb, jsonb, boolean),
    factcheck.push_file(text, bigint, text, text, text, text, bytea), factcheck.push_state(text),
    factcheck.pull_events(text, bigint), factcheck.pull_rows(text, bigint), factcheck.pull_blobs(text, bigint),
    factcheck.pull_page(text, bigint, integer, bigint),
    factcheck.pull_rows_page(text, bigint, bigint, text, text, integer, bigint),
    factcheck.pull_files_page(text, bigint, bigint, text, integer, bigint)
    TO factcheck_client;

INSERT INTO factcheck.meta (key, value) VALUES ('schema_version', '4')
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
