#!/usr/bin/env bash
# Run once by the postgres image, when it initialises an empty data volume (docker-entrypoint-initdb.d),
# as POSTGRES_USER: the owner of the database, who runs the migrations (DB_OWNER_USER).
# Creates the application's own user (DB_USER), which may log in and nothing more: what it may do with
# the tables is granted by the migrations (src/main/resources/db/vendor/postgresql/R__application_user.sql).
# A volume initialised before this script existed never runs it: see README, "Security".
set -euo pipefail

if [ "${APP_DB_USER}" = "${POSTGRES_USER}" ]; then
  echo "DB_USER is the owner ${POSTGRES_USER}: one user, no application user to create"
  exit 0
fi

# psql quotes the values itself (:"name" as an identifier, :'password' as a literal)
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname "${POSTGRES_DB}" \
     --set name="${APP_DB_USER}" --set password="${APP_DB_PASSWORD}" <<'SQL'
create role :"name" login password :'password';
SQL
echo "Created the application's database user ${APP_DB_USER}"
