/* sa-schema.h: the tables and their migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-table.h"

G_BEGIN_DECLS

/* The schema version this build writes, in PRAGMA user_version. */
#define SA_SCHEMA_VERSION 11

/* Synced tables, parents before children, so rows can be written in this order. */
extern const SaTable * const sa_schema_tables[];
extern const guint sa_schema_n_tables;

const SaTable *sa_schema_find_table (const char *name);
const char    *sa_schema_migration  (guint       to_version);

G_END_DECLS
