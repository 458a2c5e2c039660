-- Users an admin disabled. A disabled user is taken out of the engine's identity store, so that no
-- door (API, pages, webapps, engine REST) lets them in and the webapps end their session at the
-- next re-check; what is needed to give the account back is kept here.
create table disabled_users (
    user_id     varchar(64)   primary key,
    name        varchar(100)  not null,
    email       varchar(200),
    group_ids   varchar(4000) not null,
    disabled_by varchar(64)   not null,
    disabled_at timestamp with time zone not null
);
