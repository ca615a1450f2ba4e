/* sa-rating-level.c: one level of a plan's rating scale, one row of the rating_level table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-rating-level.h"

struct _SaRatingLevel
{
  SaRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (SaRatingLevel, sa_rating_level, SA_TYPE_RECORD)

static const SaColumn columns[] = {
  { "plan_id", N_("Plan"), SA_COLUMN_REF, SA_COLUMN_REQUIRED, 0, 0, "plan", NULL },
  { "code", N_("Rating"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 10, NULL, NULL },
  { "label", N_("Meaning"), SA_COLUMN_TEXT, SA_COLUMN_REQUIRED, 0, 100, NULL, NULL },
  { "position", N_("Position"), SA_COLUMN_INT, SA_COLUMN_REQUIRED, 0, 1000000, NULL, NULL },
};

const SaTable sa_rating_level_table = {
  "rating_level", columns, G_N_ELEMENTS (columns), "position, code", sa_rating_level_get_type,
  NULL, "plan_id",
};

const char * const sa_rating_default_codes[] = { "A", "B", "C", "D", NULL };
const char * const sa_rating_default_labels[] = {
  N_("Ahead of the plan"), N_("Mostly as planned"), N_("Somewhat behind"), N_("Behind"), NULL
};

static void
sa_rating_level_class_init (SaRatingLevelClass *klass)
{
  sa_record_class_set_table (SA_RECORD_CLASS (klass), &sa_rating_level_table);
}

static void
sa_rating_level_init (SaRatingLevel *self)
{
}

SaRatingLevel *
sa_rating_level_new (void)
{
  return g_object_new (SA_TYPE_RATING_LEVEL, NULL);
}

/**
 * sa_make_name_id:
 * @table: the table the row belongs to
 * @first: the first id or name that makes the row what it is
 * @second: the second
 *
 * A name-based UUID (version 5 style) for a row that is one of a kind for what it
 * names, so two sites creating it independently write the same row and merge field
 * by field instead of keeping two.
 *
 * Returns: (transfer full): the row's id
 */
char *
sa_make_name_id (const char *table,
                 const char *first,
                 const char *second)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) table, -1);
  g_checksum_update (checksum, (const guchar *) "/", -1);
  g_checksum_update (checksum, (const guchar *) first, -1);
  g_checksum_update (checksum, (const guchar *) "/", -1);
  g_checksum_update (checksum, (const guchar *) second, -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/**
 * sa_rating_level_make_id:
 * @plan_id: a plan's id
 * @code: a rating code of its scale
 *
 * Returns: (transfer full): the id of the level @code of the plan's scale
 */
char *
sa_rating_level_make_id (const char *plan_id,
                         const char *code)
{
  g_autofree char *plan = sa_id_normalize (plan_id);

  return sa_make_name_id ("rating_level", plan, code);
}
