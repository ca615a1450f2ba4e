/* sa-print-font.h: the typeface and the text size of printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SaPrintFont:
 * @SA_PRINT_FONT_UD: BIZ UDPGothic, a universal-design typeface: open shapes and
 *   distinct look-alike characters, for older readers; the default
 * @SA_PRINT_FONT_NOTO: Noto Sans CJK JP, as on screen
 * @SA_PRINT_FONT_SYSTEM: whatever sans-serif typeface the system gives Japanese
 *
 * The values match the `print-font` setting's and `--font`'s order.
 */
typedef enum
{
  SA_PRINT_FONT_UD,
  SA_PRINT_FONT_NOTO,
  SA_PRINT_FONT_SYSTEM,
} SaPrintFont;

/**
 * SaTextSize:
 * @SA_TEXT_SIZE_SCREEN: the window's sizes
 * @SA_TEXT_SIZE_PRINT: paper: body text 11 pt on A4
 * @SA_TEXT_SIZE_LARGE: large print: body text 14 pt on A4
 */
typedef enum
{
  SA_TEXT_SIZE_SCREEN,
  SA_TEXT_SIZE_PRINT,
  SA_TEXT_SIZE_LARGE,
} SaTextSize;

gboolean     sa_print_font_from_nick   (const char  *nick,
                                        SaPrintFont *font);
const char  *sa_print_font_get_nick    (SaPrintFont  font);
gboolean     sa_print_font_is_installed (SaPrintFont font);
SaPrintFont  sa_print_font_resolve     (SaPrintFont  font);
char        *sa_print_font_describe    (SaPrintFont  font);

G_END_DECLS
