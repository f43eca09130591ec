-- schema.sql -- the bangfu database: one file per station or district.
--
-- This file is the single source of the schema.  It is embedded in the
-- program at build time and applied by `bangfu init` to a new database;
-- later versions add numbered migrations (src/store/migrate.c) tracked by
-- PRAGMA user_version.  Conventions:
--   * dates are TEXT 'YYYY-MM-DD'; timestamps TEXT 'YYYY-MM-DD HH:MM:SS'
--     in local time (Chongqing, UTC+8) as given by the program's clock;
--   * codes from the code lists in forms/lists are TEXT ('01', '11');
--   * every user-edited table has `version`, raised on each update, so a
--     stale edit can be refused (optimistic locking);
--   * fields a site adds in YAML live in the `extra` JSON object;
--   * nothing is ever deleted from audit_log, and audit rows are written by
--     the triggers at the end of this file, so no write escapes them.
--     The triggers call bf_actor() and bf_now(), which the program
--     registers on its connections: other tools can read the database but
--     not write to it behind the audit log's back.

-- Organisation tree: city -> district (区县) -> street (街道/乡镇) ->
-- community (社区/村).  Codes are the 12-digit statistical division codes
-- padded with zeros (district 500101 = '500101000000'), so a subtree is a
-- range of codes: see store/scope.c.
CREATE TABLE org_unit (
	code		TEXT PRIMARY KEY CHECK (length(code) = 12),
	name		TEXT NOT NULL,
	level		TEXT NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
	parent		TEXT REFERENCES org_unit(code),
	source		TEXT NOT NULL DEFAULT 'NBS-2023',
	disabled	INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) WITHOUT ROWID;
-- A unit's children, in code order (org pickers, demo data).
CREATE INDEX org_unit_parent ON org_unit(parent, code);
-- Finding a unit by its name.
CREATE INDEX org_unit_name ON org_unit(name);

-- People who use the program; identity is the Unix login.
CREATE TABLE app_user (
	id		INTEGER PRIMARY KEY,
	login		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL DEFAULT '',
	role		TEXT NOT NULL DEFAULT 'caseworker'
			CHECK (role IN ('caseworker', 'supervisor', 'admin')),
	org_code	TEXT NOT NULL DEFAULT '500000000000' REFERENCES org_unit(code),
	password_hash	TEXT,
	-- 0 active, 1 disabled, 2 registered on first use and waiting for an
	-- administrator to give a role and unit (no access until then)
	disabled	INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1, 2)),
	created_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1
);

-- 一人一档: the person's file.  Columns are the fields every site needs;
-- site-specific fields go to `extra`.
CREATE TABLE person (
	id		INTEGER PRIMARY KEY,
	citizen_id	TEXT NOT NULL UNIQUE CHECK (length(citizen_id) = 18),
	id_rev		TEXT NOT NULL,		-- citizen_id reversed: tail search
	id_from15	INTEGER NOT NULL DEFAULT 0,	-- upgraded from a 15-digit number
	name		TEXT NOT NULL CHECK (name <> ''),
	name_py		TEXT NOT NULL DEFAULT '',	-- pinyin initials, 'zs' for 张三
	name_pinyin	TEXT NOT NULL DEFAULT '',	-- full pinyin, 'zhangsan'
	name_chars	TEXT NOT NULL DEFAULT '',	-- '张 三': one token per character for person_fts
	sex		TEXT NOT NULL CHECK (sex IN ('1', '2')),
	birth_date	TEXT NOT NULL,
	ethnicity	TEXT,
	education	TEXT,
	marital		TEXT,
	political	TEXT,
	health		TEXT,
	hukou_type	TEXT,			-- 城镇/农村 (list hukou_type)
	hukou_region	TEXT,			-- 6- or 9-digit division code
	hukou_address	TEXT,
	community_code	TEXT NOT NULL REFERENCES org_unit(code),	-- 常住地 and owning station
	address		TEXT,
	phone		TEXT,			-- 11-digit mobile
	landline	TEXT,
	emergency_name	TEXT,
	emergency_relation TEXT,
	emergency_phone	TEXT,
	retire_basis	TEXT CHECK (retire_basis IN ('50', '55', '60')),	-- original retirement age
	status		TEXT NOT NULL DEFAULT 'registered'
			CHECK (status IN ('registered', 'recognised', 'assisting',
			                  'employed', 'stable', 'closed')),
	status_since	TEXT NOT NULL,
	exit_reason	TEXT,
	caseworker_id	INTEGER REFERENCES app_user(id),
	household_id	INTEGER REFERENCES household(id),
	extra		TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1
);
-- Indexes on person.  Why each exists:
-- a street's or community's persons (caseload, search and worklists for a
-- narrow scope; see db_scope_prefix), already in name order per community;
CREATE INDEX person_scope_name ON person(community_code, name_py, id);
-- the caseload in name order for a wide scope (keyset walk) and pinyin
-- search (store/search.c); name_pinyin and community_code ride along so
-- the walk tests the full-pinyin prefix and the scope without reading rows;
CREATE INDEX person_name_py ON person(name_py, id, name_pinyin, community_code);
-- full-pinyin prefix search ("zhangsan"): the matches are sorted by name_py
-- within this index, without reading rows;
CREATE INDEX person_name_pinyin ON person(name_pinyin, name_py, id, community_code);
-- exact-name look-ups;
CREATE INDEX person_name ON person(name, id);
-- ID-number tail search (the last 4-8 digits, as a prefix of the reversed ID);
CREATE INDEX person_id_rev ON person(id_rev);
-- mobile number search;
CREATE INDEX person_phone ON person(phone) WHERE phone IS NOT NULL;
-- counts by status within a scope (caseload_count, reports);
CREATE INDEX person_status ON person(status, community_code, id);
-- a caseworker's own persons (caseload filter, the home worklists) and the
-- open cases per caseworker (store/indicators.c): status and community_code
-- ride along so both are counted in this index alone, in caseworker order,
-- without a sort or a visit to the wide person rows;
CREATE INDEX person_caseworker ON person(caseworker_id, status, community_code);
-- the persons on file in a household.
CREATE INDEX person_household ON person(household_id) WHERE household_id IS NOT NULL;
-- The home screen's count of recent registrations (store/worklist.c): a
-- range on created_at that also holds every column the person filter
-- reads, so counting never visits the table rows.
CREATE INDEX person_recent ON person(created_at, community_code, caseworker_id, status);

-- Chinese substring search: each character of the name is one token, so a
-- one- or two-character query is a phrase query (FTS5's trigram tokenizer
-- cannot match queries shorter than three characters).
CREATE VIRTUAL TABLE person_fts USING fts5(
	name_chars, content='person', content_rowid='id', tokenize='unicode61'
);
CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN
	INSERT INTO person_fts(rowid, name_chars) VALUES (new.id, new.name_chars);
END;
CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN
	INSERT INTO person_fts(person_fts, rowid, name_chars)
	VALUES ('delete', old.id, old.name_chars);
END;
CREATE TRIGGER person_fts_au AFTER UPDATE OF name_chars ON person BEGIN
	INSERT INTO person_fts(person_fts, rowid, name_chars)
	VALUES ('delete', old.id, old.name_chars);
	INSERT INTO person_fts(rowid, name_chars) VALUES (new.id, new.name_chars);
END;

-- Households (家庭) and their members; a member may be a person on file.
CREATE TABLE household (
	id		INTEGER PRIMARY KEY,
	code		TEXT,			-- 户号 if known
	head_name	TEXT,
	community_code	TEXT NOT NULL REFERENCES org_unit(code),
	address		TEXT,
	dibao		INTEGER NOT NULL DEFAULT 0 CHECK (dibao IN (0, 1)),	-- 低保
	tuopin		INTEGER NOT NULL DEFAULT 0 CHECK (tuopin IN (0, 1)),	-- 脱贫/监测
	extra		TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1
);
-- Households of a scope.
CREATE INDEX household_scope ON household(community_code, id);

CREATE TABLE household_member (
	id		INTEGER PRIMARY KEY,
	household_id	INTEGER NOT NULL REFERENCES household(id),
	person_id	INTEGER REFERENCES person(id),
	name		TEXT NOT NULL,
	citizen_id	TEXT,
	relation	TEXT,			-- list relation
	able		INTEGER NOT NULL DEFAULT 1 CHECK (able IN (0, 1)),	-- 有劳动能力
	willing		INTEGER NOT NULL DEFAULT 1 CHECK (willing IN (0, 1)),	-- 有就业意愿
	employment	TEXT,			-- list employment_state
	monthly_income	INTEGER,		-- yuan
	extra		TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
	version		INTEGER NOT NULL DEFAULT 1
);
-- Members of a household; the households a person on file belongs to.
CREATE INDEX household_member_household ON household_member(household_id);
CREATE INDEX household_member_person ON household_member(person_id) WHERE person_id IS NOT NULL;

-- Derived household flags (零就业 ...) with the dates they appeared and were
-- cleared, so supervisors can count appeared / cleared / open.
CREATE TABLE household_flag (
	id		INTEGER PRIMARY KEY,
	household_id	INTEGER NOT NULL REFERENCES household(id),
	flag		TEXT NOT NULL,		-- 'zero_employment'
	appeared_on	TEXT NOT NULL,
	confirmed_by	INTEGER REFERENCES app_user(id),
	confirmed_on	TEXT,
	cleared_on	TEXT,
	version		INTEGER NOT NULL DEFAULT 1
);
-- Open flags of a kind (cleared_on NULL first), for the supervisor counts.
CREATE INDEX household_flag_open ON household_flag(flag, cleared_on, household_id);

-- 就业困难人员认定: one row per category held, with its dates.
CREATE TABLE person_category (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES person(id),
	code		TEXT NOT NULL,		-- list difficulty_category
	recognised_on	TEXT NOT NULL,
	evidence	TEXT,
	expires_on	TEXT,			-- e.g. two years after leaving school
	ended_on	TEXT,
	end_reason	TEXT,
	derived		INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0, 1)),
	note		TEXT,
	created_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1
);
-- A person's categories (person file, caseload column); persons holding a
-- category now (caseload filter, reports).
-- Both carry the dates, so the monthly indicators (held at the end of a
-- month, recognised in it) read these indexes alone: per person for a
-- district's persons, per code for the whole city.
CREATE INDEX person_category_person ON person_category(person_id, code, recognised_on, ended_on, expires_on);
CREATE INDEX person_category_code ON person_category(code, person_id, recognised_on, ended_on, expires_on);

-- 失业登记 and its cancellation; at most one active registration a person.
CREATE TABLE registration (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES person(id),
	registered_on	TEXT NOT NULL,
	unemployed_since TEXT,
	reason		TEXT,			-- list unemployment_reason
	prev_employer	TEXT,
	prev_occupation	TEXT,
	prev_income_band TEXT,
	benefit		INTEGER NOT NULL DEFAULT 0 CHECK (benefit IN (0, 1)),
	benefit_from	TEXT,
	benefit_to	TEXT,
	card_no		TEXT,			-- 就业创业证号
	cancelled_on	TEXT,
	cancel_reason	TEXT,			-- list cancel_reason
	extra		TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
	created_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK (unemployed_since IS NULL OR unemployed_since <= registered_on),
	CHECK ((cancelled_on IS NULL) = (cancel_reason IS NULL))
);
-- A person's registrations (cancelled_on rides along: the indicators
-- "registered at the end of the month" read this index alone, in person
-- order, with no sort for the distinct count); the one active registration;
-- registrations by month (with the person: a month's new registrations
-- are counted in the index alone).
CREATE INDEX registration_person ON registration(person_id, registered_on, cancelled_on);
CREATE UNIQUE INDEX registration_one_active ON registration(person_id) WHERE cancelled_on IS NULL;
CREATE INDEX registration_month ON registration(registered_on, person_id);

-- 一人一策: versioned plans; a revision supersedes the previous version.
CREATE TABLE plan (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES person(id),
	version_no	INTEGER NOT NULL DEFAULT 1,
	supersedes	INTEGER REFERENCES plan(id),
	template	TEXT,			-- plan template id from forms/plans
	status		TEXT NOT NULL DEFAULT 'draft'
			CHECK (status IN ('draft', 'active', 'completed', 'revised')),
	goal		TEXT,
	made_on		TEXT NOT NULL,
	target_on	TEXT,
	responsible	TEXT,			-- names of responsible workers
	approved_by	INTEGER REFERENCES app_user(id),
	approved_on	TEXT,
	extra		TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
	created_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1
);
-- A person's plans by version (person file, caseload progress column);
-- status, template and made_on ride along for the 1-3-1-1 and plan-measure
-- indicators, which then never read the plan rows.
CREATE INDEX plan_person ON plan(person_id, version_no, status, template, made_on);

CREATE TABLE plan_measure (
	id		INTEGER PRIMARY KEY,
	plan_id		INTEGER NOT NULL REFERENCES plan(id),
	type		TEXT NOT NULL,		-- list measure_type
	target_count	INTEGER NOT NULL DEFAULT 1 CHECK (target_count >= 0),
	due_on		TEXT,
	worker_id	INTEGER REFERENCES app_user(id),
	note		TEXT,
	version		INTEGER NOT NULL DEFAULT 1
);
-- A plan's measures (with target_count: the measures indicators sum it
-- over 1,000,000 measures from the index alone); measures coming due
-- (home worklist, by due_on).
CREATE INDEX plan_measure_plan ON plan_measure(plan_id, target_count);
CREATE INDEX plan_measure_due ON plan_measure(due_on);

-- Every contact or service delivered (服务记录 / 跟踪台账).
CREATE TABLE service (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES person(id),
	measure_id	INTEGER REFERENCES plan_measure(id),
	served_on	TEXT NOT NULL,
	type		TEXT NOT NULL,		-- list measure_type
	method		TEXT,			-- list contact_method
	content		TEXT,
	result		TEXT,
	next_contact_on	TEXT,
	worker_id	INTEGER REFERENCES app_user(id),
	extra		TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
	created_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1
);
-- A person's services by date; services toward a measure (progress counts;
-- served_on rides along for "delivered by the end of the month", counted
-- once per measure of every active plan by the indicators); services by
-- month (reports).
CREATE INDEX service_person ON service(person_id, served_on);
CREATE INDEX service_measure ON service(measure_id, served_on) WHERE measure_id IS NOT NULL;
CREATE INDEX service_month ON service(served_on);

-- Follow-ups (回访): scheduled by rule, done by a contact.
CREATE TABLE followup (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES person(id),
	due_on		TEXT NOT NULL,
	kind		TEXT NOT NULL DEFAULT 'monthly',	-- monthly, stable_1m, stable_3m, stable_6m, manual
	done_on		TEXT,
	method		TEXT,
	result		TEXT,
	service_id	INTEGER REFERENCES service(id),
	worker_id	INTEGER REFERENCES app_user(id),
	extra		TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),	-- e.g. 回访情况
	created_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1
);
-- A person's follow-ups by date (person file; done_on rides along for the
-- indicator "overdue at the end of the month" over a district's persons);
-- follow-ups by state and due date: open ones (done_on IS NULL, first) by
-- due date for the home worklist's overdue list, and the same indicator
-- for the whole city, which also needs those done after the month
-- (done_on > :asof: a short range for recent months) without reading rows.
CREATE INDEX followup_person ON followup(person_id, due_on, done_on);
CREATE INDEX followup_state ON followup(done_on, due_on, person_id);
-- A person's open follow-ups: the caseload's "next follow-up" column and
-- its overdue filter (store/caseload.c) probe this once per row shown,
-- with no visit to followup rows that are already done.
CREATE INDEX followup_open_person ON followup(person_id, due_on) WHERE done_on IS NULL;

-- Employment outcomes (就业情况); a lost job ends one and reopens the case.
CREATE TABLE employment (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES person(id),
	form		TEXT NOT NULL,		-- list employment_form
	employer	TEXT,
	credit_code	TEXT,			-- 统一社会信用代码
	post		TEXT,
	started_on	TEXT NOT NULL,
	ended_on	TEXT,
	end_reason	TEXT,
	monthly_income	INTEGER,
	insured		INTEGER CHECK (insured IN (0, 1)),
	subsidy_until	TEXT,			-- 公益性岗位 subsidy end
	extra		TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra)),
	created_at	TEXT NOT NULL,
	version		INTEGER NOT NULL DEFAULT 1
);
-- A person's jobs by date; jobs started by month (reports: the form and
-- the person ride along, so a month's six counts read the index alone).
CREATE INDEX employment_person ON employment(person_id, started_on);
CREATE INDEX employment_month ON employment(started_on, form, person_id);

-- Case life cycle: every change of person.status, with its reason.
CREATE TABLE case_event (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES person(id),
	at		TEXT NOT NULL,
	from_status	TEXT,
	to_status	TEXT NOT NULL,
	reason		TEXT,
	user_id		INTEGER REFERENCES app_user(id)
);
-- A person's status history; status changes by month (reports).
CREATE INDEX case_event_person ON case_event(person_id, id);
CREATE INDEX case_event_month ON case_event(to_status, at);

-- Transfers between caseworkers or communities.
CREATE TABLE transfer (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES person(id),
	at		TEXT NOT NULL,
	from_community	TEXT REFERENCES org_unit(code),
	to_community	TEXT REFERENCES org_unit(code),
	from_worker	INTEGER REFERENCES app_user(id),
	to_worker	INTEGER REFERENCES app_user(id),
	reason		TEXT NOT NULL,
	user_id		INTEGER REFERENCES app_user(id)
);
-- A person's transfers.
CREATE INDEX transfer_person ON transfer(person_id, id);

-- Unsaved form drafts kept across a dropped connection.
CREATE TABLE draft (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES app_user(id),
	person_id	INTEGER REFERENCES person(id),
	form		TEXT NOT NULL,
	record_id	INTEGER,
	data		TEXT NOT NULL CHECK (json_valid(data)),
	saved_at	TEXT NOT NULL,
	UNIQUE (user_id, person_id, form, record_id)
);

-- Append-only history: who, when, what, before and after (JSON).
CREATE TABLE audit_log (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	user_id		INTEGER REFERENCES app_user(id),
	action		TEXT NOT NULL
			CHECK (action IN ('insert', 'update', 'delete', 'view', 'export', 'import', 'login', 'bulk')),
	tbl		TEXT NOT NULL,
	row_id		INTEGER,
	person_id	INTEGER,
	before		TEXT,
	after		TEXT,
	note		TEXT
);
-- A person's history, paged by id (store/history.c); the log by date and by user.
CREATE INDEX audit_log_person ON audit_log(person_id, id) WHERE person_id IS NOT NULL;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_user ON audit_log(user_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
	SELECT RAISE(ABORT, '审计日志只能追加，不能修改');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
	SELECT RAISE(ABORT, '审计日志只能追加，不能删除');
END;

-- Settings the program keeps about this database (site parameters).
CREATE TABLE setting (
	key		TEXT PRIMARY KEY,
	value		TEXT NOT NULL
) WITHOUT ROWID;
