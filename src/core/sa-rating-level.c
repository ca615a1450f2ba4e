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
