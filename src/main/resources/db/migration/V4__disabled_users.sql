-- Users an admin disabled: their groups, to give back when the user is enabled again.
-- A disabled user has no groups and an unknown password, so no door lets them in.
create table disabled_users (
    user_id     varchar(64)   primary key,
    group_ids   varchar(4000) not null,
    disabled_by varchar(64)   not null,
    disabled_at timestamp with time zone not null
);
