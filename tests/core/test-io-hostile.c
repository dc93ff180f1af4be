/* test-io-hostile.c — .ziping files made by a hostile sender: deep nesting json-glib's
 * recursive parser must never see, escapes that would put NUL or invalid UTF-8 into the
 * model, numbers past 64 bits, text that is not JSON, buffers with no NUL at the end.
 * Each is refused with file:line:column, or loads exactly; nothing crashes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ziping-core.h"

#define DEEP 80000

static GRegex *positioned;

static char *
example_text (gsize *length)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZIPING_EXAMPLES"), "jiangan-2024.ziping", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, &error));
  g_assert_no_error (error);
  return text;
}

/* The example with `member` (a whole `"name": value` pair) put first in the root object. */
static char *
example_with_member (const char *member)
{
  g_autofree char *text = example_text (NULL);
  const char *brace = strchr (text, '{');

  g_assert_nonnull (brace);
  return g_strdup_printf ("{\n  %s,%s", member, brace + 1);
}

/* Refused, with an error of `code` that starts with a position and holds `words`. */
static void
assert_refused (const char *data,
                gsize       length,
                ZpIoError   code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (data, length, "bad.ziping", &error);

  g_assert_null (workbook);
  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  g_assert_error (error, ZP_IO_ERROR, (int) code);
  if (!g_regex_match (positioned, error->message, 0, NULL) || strstr (error->message, words) == NULL)
    g_error ("expected “bad.ziping:L:C: …%s…”, got “%s”", words, error->message);
}

static void
assert_refused_at (const char *data,
                   ZpIoError   code,
                   const char *prefix,
                   const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (data, strlen (data), "bad.ziping", &error);

  g_assert_null (workbook);
  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  g_assert_error (error, ZP_IO_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, words) == NULL)
    g_error ("expected “%s…%s…”, got “%s”", prefix, words, error->message);
}

/* `before`, then DEEP levels of arrays. */
static char *
deep_after (const char *before)
{
  GString *text = g_string_new ("[");

  g_string_append (text, before);
  g_string_append (text, ", ");
  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

/* Every kind of string and comment json-glib's scanner takes, each followed by deep
 * nesting: the guard in front of json-glib must end each of them where json-glib does
 * (a single-quoted string has no escapes: '\' is a whole string). */
static const char * const openers[] = {
  "\"plain\"",
  "\"escaped \\\" quote\"",
  "\"\\\\\"",
  "\"\\u4E2D \\ud83d\\ude00\"",
  "\"\\'\"",
  "'single'",
  "'\\'",
  "'\\\\'",
  "'\"'",
  "\"'\"",
  "/* comment */ 1",
  "/**/ 1",
  "'\n'",
};

static void
test_deep_after_strings (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    {
      g_autofree char *deep = deep_after (openers[i]);
      g_autofree char *member = NULL;
      g_autofree char *document = NULL;

      g_test_message ("after %s", openers[i]);
      assert_refused (deep, strlen (deep), ZP_IO_ERROR_FORMAT, "nested more than 64 deep");

      /* The same inside a member Ziping does not know, in a real document. */
      member = g_strdup_printf ("\"unknown\": %s", deep);
      document = example_with_member (member);
      assert_refused (document, strlen (document), ZP_IO_ERROR_FORMAT, "nested more than 64 deep");
    }
}

/* What json-glib's scanner would read its own way ("/" starts a comment that ends at the
 * next "/", an escape it does not know eats the next character…) is refused before it
 * gets there, so no nesting hides behind it either. */
static void
test_deep_after_tricks (void)
{
  static const char * const tricks[] = {
    "/:/ 1",
    "// line comment\n 1",
    "/* a/b */ 1",
    "\"\\uD800\"",
    "\"\\uDC00\", \"x\"",
    "\"\\uD800\\u0041\"",
    "\"\\u0000\"",
    "\"\\101\"",
    "\"\\x41\"",
    "0x10",
    "$ff",
    ".5",
    "'unclosed",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tricks); i++)
    {
      g_autofree char *deep = deep_after (tricks[i]);
      g_autofree char *member = g_strdup_printf ("\"unknown\": %s", deep);
      g_autofree char *document = example_with_member (member);

      g_test_message ("after %s", tricks[i]);
      assert_refused (deep, strlen (deep), ZP_IO_ERROR_SYNTAX, "");
      assert_refused (document, strlen (document), ZP_IO_ERROR_SYNTAX, "");
    }
}

/* Comments and single-quoted strings that json-glib reads as one would expect still load,
 * to the same workbook. */
static void
test_comments_and_single_quotes_load (void)
{
  gsize length = 0;
  g_autofree char *text = example_text (&length);
  g_autofree char *member = example_with_member ("/* note */ 'unknown': ['\\', \"\\\\\", '\"']");
  g_autoptr(GError) error = NULL;
  g_autoptr(ZpWorkbook) plain = zp_workbook_load_from_data (text, length, "plain.ziping", &error);
  g_autoptr(ZpWorkbook) commented = NULL;
  g_autofree char *plain_data = NULL;
  g_autofree char *commented_data = NULL;

  g_assert_no_error (error);
  commented = zp_workbook_load_from_data (member, strlen (member), "commented.ziping", &error);
  g_assert_no_error (error);
  plain_data = zp_workbook_to_data (plain, NULL);
  commented_data = zp_workbook_to_data (commented, NULL);
  g_assert_cmpstr (plain_data, ==, commented_data);
}

/* \u0000 would end the text in json-glib; a lone surrogate would put bytes that are not
 * UTF-8 into the model (and every export). */
static void
test_escapes_refused (void)
{
  static const struct { const char *escape; const char *words; } cases[] = {
    { "\\u0000", "\\u0000" },
    { "a\\u0000b", "\\u0000" },
    { "\\uD800", "\\uD800" },
    { "\\udbff", "\\uDBFF" },
    { "\\uDC00", "\\uDC00" },
    { "\\uD800\\u0041", "\\uD800" },
    { "\\uDC00\\uD800", "\\uDC00" },
    { "\\uD800x", "\\uD800" },
  };
  gsize length = 0;
  g_autofree char *text = example_text (&length);
  const char *name = strstr (text, "\"name\": \"");

  g_assert_nonnull (name);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = g_strndup (text, name + strlen ("\"name\": \"") - text);
      g_autofree char *data = g_strconcat (before, cases[i].escape, name + strlen ("\"name\": \""), NULL);
      g_autofree char *prefix = NULL;
      guint line = 1;

      for (const char *p = text; p < name; p++)
        line += *p == '\n';
      prefix = g_strdup_printf ("bad.ziping:%u:", line);
      assert_refused_at (data, ZP_IO_ERROR_SYNTAX, prefix, cases[i].words);
    }
}

/* Not JSON, even though json-glib would take it: refused with a position. */
static void
test_not_json (void)
{
  gsize length = 0;
  g_autofree char *text = example_text (&length);
  g_autofree char *slashes = g_strconcat ("/:/", text, NULL);
  g_autofree char *line_comment = g_strconcat ("// a comment\n", text, NULL);
  g_autofree char *hex = example_with_member ("\"x\": 0x10");
  g_autofree char *fraction = example_with_member ("\"x\": .5");
  g_autofree char *octal = example_with_member ("\"x\": \"\\101\"");
  /* A trailing comma, then a kind that is not one: the comma is what is wrong. */
  const char *kind = strstr (text, "\"kind\": \"department\",");
  g_autofree char *before = g_strndup (text, kind - text);
  g_autofree char *trailing = g_strconcat (before, "\"kind\": \"bogus\",}, {", kind, NULL);

  assert_refused_at (slashes, ZP_IO_ERROR_SYNTAX, "bad.ziping:1:1: ", "comment");
  assert_refused_at (line_comment, ZP_IO_ERROR_SYNTAX, "bad.ziping:1:1: ", "comment");
  assert_refused_at (hex, ZP_IO_ERROR_SYNTAX, "bad.ziping:2:8: ", "“0x10” is not a value");
  assert_refused_at (fraction, ZP_IO_ERROR_SYNTAX, "bad.ziping:2:8: ", "“.5” is not a value");
  assert_refused_at (octal, ZP_IO_ERROR_SYNTAX, "bad.ziping:2:9: ", "escape");
  assert_refused (trailing, strlen (trailing), ZP_IO_ERROR_SYNTAX, "member name");
}

/* "bad.ziping:LINE:COLUMN: " for the byte `at` of `text` (columns in characters). */
static char *
position_prefix (const char *text,
                 const char *at)
{
  const char *line_start = text;
  guint line = 1;

  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  return g_strdup_printf ("bad.ziping:%u:%ld: ", line, g_utf8_strlen (line_start, at - line_start) + 1);
}

/* The example with the first `from` after `after` replaced by `to`; *prefix: where. */
static char *
example_variant (const char  *after,
                 const char  *from,
                 const char  *to,
                 char       **prefix)
{
  g_autofree char *text = example_text (NULL);
  const char *start = strstr (text, after);
  const char *at = start != NULL ? strstr (start, from) : NULL;
  g_autofree char *before = NULL;

  g_assert_nonnull (at);
  if (prefix != NULL)
    *prefix = position_prefix (text, at);
  before = g_strndup (text, at - text);
  return g_strconcat (before, to, at + strlen (from), NULL);
}

/* Whole numbers past 64 bits are refused as written, naming the member, never wrapped. */
static void
test_huge_integers (void)
{
  static const struct { const char *from, *to, *words; } cases[] = {
    { "\"year\": 2024", "\"year\": 99999999999999999999", "“year” is 99999999999999999999" },
    { "\"year\": 2024", "\"year\": 18446744073709551617", "“year” is 18446744073709551617" },
    { "\"year\": 2024", "\"year\": -9223372036854775809", "“year” is -9223372036854775809" },
    { "\"version\": ", "\"version\": 9223372036854775808", "“version” is 9223372036854775808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* "version" keeps its digit after the replacement: 92233720368547758082 is as bad. */
      g_autofree char *data = example_variant ("{", cases[i].from, cases[i].to, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (data, strlen (data), "bad.ziping", &error);

      g_assert_null (workbook);
      g_assert_nonnull (error);
      g_test_message ("message: %s", error->message);
      g_assert_true (g_regex_match (positioned, error->message, 0, NULL));
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_null (strstr (error->message, "-8446744073709551617"));
      g_assert_null (strstr (error->message, "-8446744073709551616"));
    }

  /* The edges of 64 bits still read (and are then out of range for the member). */
  {
    g_autofree char *data = example_variant ("{", "\"year\": 2024", "\"year\": 9223372036854775807", NULL);

    assert_refused (data, strlen (data), ZP_IO_ERROR_VALUE, "“year” must be between 0 and 9999, not 9223372036854775807");
  }
}

/* Figures past ±9.2 × 10^12 are refused, naming the member and quoting the text, by
 * both readers; never capped, never called "not a number" later. */
static void
test_figures_out_of_range (void)
{
  static const struct { const char *after, *from, *to, *words; } cases[] = {
    { "\"forms\"", "\"budget\": \"2066.63\"", "\"budget\": \"9300000000000\"",
      "“budget” is “9300000000000”, a number beyond what Ziping can hold" },
    { "\"forms\"", "\"spent\": \"2066.63\"", "\"spent\": \"-9,300,000,000,000\"",
      "“spent” is “-9,300,000,000,000”" },
    { "\"goals\"", "\"weight\": \"20\"", "\"weight\": \"92234亿\"",
      "“weight” is “92234亿”" },
    { "\"indicators\"", "\"weight\": \"5\"", "\"weight\": \"123456789012345678901234567890\"",
      "“weight” is “123456789012345678901234567890”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *prefix = NULL;
      g_autofree char *data = example_variant (cases[i].after, cases[i].from, cases[i].to, &prefix);
      g_autofree char *commented = g_strconcat ("/* the loader */", data, NULL);

      assert_refused_at (data, ZP_IO_ERROR_VALUE, prefix, cases[i].words);
      assert_refused (commented, strlen (commented), ZP_IO_ERROR_VALUE, cases[i].words);
    }

  /* Up to the edge, figures load as typed. */
  {
    g_autofree char *data = example_variant ("\"forms\"", "\"budget\": \"2066.63\"", "\"budget\": \"9223372036854.775807\"", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(ZpWorkbook) workbook = zp_workbook_load_from_data (data, strlen (data), "edge.ziping", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (zp_form_get_budget (zp_workbook_get_form (workbook, 0)), ==, "9223372036854.775807");
  }
}

static void
test_decimal_range (void)
{
  static const struct { const char *text; ZpDecimalParse expected; } cases[] = {
    { "9223372036854.775807", ZP_DECIMAL_PARSE_OK },
    { "-9223372036854.775807", ZP_DECIMAL_PARSE_OK },
    { "9223372036854.775808", ZP_DECIMAL_PARSE_OUT_OF_RANGE },
    { "9300000000000", ZP_DECIMAL_PARSE_OUT_OF_RANGE },
    { "930000000万", ZP_DECIMAL_PARSE_OUT_OF_RANGE },
    { "92234亿", ZP_DECIMAL_PARSE_OUT_OF_RANGE },
    { "92233亿", ZP_DECIMAL_PARSE_OK },
    { "1,000,000,000,000,000,000", ZP_DECIMAL_PARSE_OUT_OF_RANGE },
    { "99999999999999999999999999999999999999999999", ZP_DECIMAL_PARSE_OUT_OF_RANGE },
    { "922337203685477580800%", ZP_DECIMAL_PARSE_OUT_OF_RANGE },
    { "92233720368547758%", ZP_DECIMAL_PARSE_OUT_OF_RANGE },
    { "922337203685477%", ZP_DECIMAL_PARSE_OK },
    { "99999999999999999999 apples", ZP_DECIMAL_PARSE_NOT_A_NUMBER },
    { "abc", ZP_DECIMAL_PARSE_NOT_A_NUMBER },
    { "", ZP_DECIMAL_PARSE_NOT_A_NUMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ZpDecimal value = ZP_DECIMAL_ZERO;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (zp_decimal_parse_checked (cases[i].text, &value, NULL), ==, cases[i].expected);
      g_assert_cmpint (zp_decimal_parse (cases[i].text, NULL, NULL), ==, cases[i].expected == ZP_DECIMAL_PARSE_OK);
    }
}

/* Blank text that does not end in a NUL, right before a page that cannot be read: only
 * `length` bytes are read. */
static void
test_blank_buffer_without_nul (void)
{
  gsize page = sysconf (_SC_PAGESIZE);
  char *pages = mmap (NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  static const gsize lengths[] = { 1, 7, 100, 4096 };

  g_assert_true (pages != MAP_FAILED);
  g_assert_cmpint (mprotect (pages + page, page, PROT_NONE), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      gsize length = MIN (lengths[i], page);
      char *data = pages + page - length;
      g_autoptr(GError) error = NULL;
      g_autoptr(ZpWorkbook) workbook = NULL;

      memset (data, i % 2 ? '\n' : ' ', length);
      workbook = zp_workbook_load_from_data (data, length, "blank.ziping", &error);
      g_assert_null (workbook);
      g_assert_error (error, ZP_IO_ERROR, ZP_IO_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "blank.ziping:1:1: "));
      g_assert_nonnull (strstr (error->message, "empty"));
    }

  /* The same with a little JSON, cut anywhere. */
  {
    static const char text[] = "{\"format\": \"ziping\", 'x': /* c */ [1, -2.5e3, true, null]}";

    for (gsize cut = 1; cut < sizeof text - 1; cut++)
      {
        char *data = pages + page - cut;
        g_autoptr(GError) error = NULL;
        g_autoptr(ZpWorkbook) workbook = NULL;

        memcpy (data, text, cut);
        workbook = zp_workbook_load_from_data (data, cut, "cut.ziping", &error);
        g_assert_null (workbook);
        g_assert_nonnull (error);
      }
  }
  munmap (pages, 2 * page);
}

/* The example damaged at random with the bytes that matter to a scanner: never a crash,
 * never an error without a position. */
static void
test_damage_has_positions (void)
{
  static const char bytes[] = "{}[],:\"'\\/* \nu0D8C9e.-tfnx$";
  gsize length = 0;
  g_autofree char *text = example_text (&length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);

  for (guint i = 0; i < 1500; i++)
    {
      g_autoptr(GString) damaged = g_string_new_len (text, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(ZpWorkbook) workbook = NULL;
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint k = 0; k < n; k++)
        {
          gsize at = g_rand_int_range (rand, 0, damaged->len);
          char byte = bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              g_string_erase (damaged, at, 1);
              break;
            case 1:
              g_string_insert_c (damaged, at, byte);
              break;
            default:
              damaged->str[at] = byte;
              break;
            }
        }

      workbook = zp_workbook_load_from_data (damaged->str, damaged->len, "bad.ziping", &error);
      if (workbook == NULL && !g_regex_match (positioned, error->message, 0, NULL))
        g_error ("damage %u: no position in “%s”", i, error->message);
      if (workbook != NULL)
        {
          g_autofree char *saved = zp_workbook_to_data (workbook, NULL);

          g_assert_true (g_utf8_validate (saved, -1, NULL));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  positioned = g_regex_new ("^[a-z]+\\.ziping:[0-9]+:[0-9]+: ", 0, 0, NULL);

  g_test_add_func ("/io/hostile/deep-after-strings", test_deep_after_strings);
  g_test_add_func ("/io/hostile/deep-after-tricks", test_deep_after_tricks);
  g_test_add_func ("/io/hostile/comments-and-single-quotes-load", test_comments_and_single_quotes_load);
  g_test_add_func ("/io/hostile/escapes-refused", test_escapes_refused);
  g_test_add_func ("/io/hostile/not-json", test_not_json);
  g_test_add_func ("/io/hostile/huge-integers", test_huge_integers);
  g_test_add_func ("/io/hostile/figures-out-of-range", test_figures_out_of_range);
  g_test_add_func ("/io/hostile/decimal-range", test_decimal_range);
  g_test_add_func ("/io/hostile/blank-buffer-without-nul", test_blank_buffer_without_nul);
  g_test_add_func ("/io/hostile/damage-has-positions", test_damage_has_positions);

  status = g_test_run ();
  g_regex_unref (positioned);
  return status;
}
