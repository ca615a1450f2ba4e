/* fuzz-csv.c: libFuzzer target for the CSV reader
 *
 * Besides reading activities, checks that every cell the parser returns comes back
 * the same through sa_csv_format_cell() and the parser again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include "sa-csv.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* A formatted cell parses back to the cell, with one apostrophe in front when it
 * looked like a formula. */
static void
check_cell (const char *cell)
{
  g_autofree char *formatted = sa_csv_format_cell (cell);
  g_autoptr(GPtrArray) again = sa_csv_parse (formatted, strlen (formatted), NULL);
  const char *back;

  g_assert (again != NULL);
  if (*formatted == '\0')
    return;
  g_assert (again->len == 1);
  back = ((SaCsvRecord *) g_ptr_array_index (again, 0))->cells[0];
  g_assert (g_str_equal (back, cell) || (back[0] == '\'' && g_str_equal (back + 1, cell)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  activities = sa_csv_read_activities ((const char *) data, size, &error);
  g_assert ((activities == NULL) == (error != NULL));

  if (g_utf8_validate_len ((const char *) data, size, NULL) &&
      (records = sa_csv_parse ((const char *) data, size, NULL)))
    for (guint i = 0; i < records->len; i++)
      {
        SaCsvRecord *record = g_ptr_array_index (records, i);

        for (guint c = 0; record->cells[c] != NULL; c++)
          check_cell (record->cells[c]);
      }
  return 0;
}
