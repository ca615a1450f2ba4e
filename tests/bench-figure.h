/* bench-figure.h: one measured figure, for bench.py to gather into a table
 *
 * A figure is a line of tab-separated fields:
 *
 *   FIGURE  what  value  unit  baseline  baseline-value  target
 *
 * The baseline is measured in the same run, so the ratio holds on a busy or a
 * slower machine. The target is "< N" in the figure's unit, "ratio <= N" against
 * the baseline, or empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static inline void
bench_figure (const char *what,
              double      value,
              const char *unit,
              const char *baseline,
              double      baseline_value,
              const char *target)
{
  g_print ("FIGURE\t%s\t%.3f\t%s\t%s\t%.3f\t%s\n", what, value, unit, baseline ? baseline : "",
           baseline_value, target ? target : "");
}

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @n values, which it sorts. */
static inline double
bench_median (double *values,
              guint   n)
{
  g_qsort_with_data (values, n, sizeof (double), bench_compare_doubles, NULL);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
