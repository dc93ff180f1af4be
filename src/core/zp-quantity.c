/* zp-quantity.c — reading targets and actual values as written on real forms.
 *
 * A quantity is `[comparator] number [magnitude] [% | unit] [suffix]` after normalisation:
 * "不少于1亿条数据", "≤90万元", "7个工作日内", "90%以上", "0起". Anything with more in it
 * (a second number, punctuation, a sentence) is qualitative and left to the user to grade,
 * so the reader refuses it rather than guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ziping-core.h"

/* Longer than this and the "unit" is a phrase, not a unit. */
#define MAX_UNIT_CHARS 8

typedef struct
{
  const char   *word;
  ZpComparator  comparator;
} ComparatorWord;

/* Written before the number. Longer words first where one is a prefix of another. */
static const ComparatorWord prefixes[] = {
  { ">=", ZP_COMPARATOR_GE },
  { "<=", ZP_COMPARATOR_LE },
  { "≥", ZP_COMPARATOR_GE },
  { "≧", ZP_COMPARATOR_GE },
  { "≤", ZP_COMPARATOR_LE },
  { "≦", ZP_COMPARATOR_LE },
  { ">", ZP_COMPARATOR_GT },
  { "<", ZP_COMPARATOR_LT },
  { "=", ZP_COMPARATOR_EQ },
  { "﹦", ZP_COMPARATOR_EQ },
  { "不少于", ZP_COMPARATOR_GE },
  { "不低于", ZP_COMPARATOR_GE },
  { "不小于", ZP_COMPARATOR_GE },
  { "至少", ZP_COMPARATOR_GE },
  { "达到", ZP_COMPARATOR_GE },
  { "不超过", ZP_COMPARATOR_LE },
  { "不高于", ZP_COMPARATOR_LE },
  { "不大于", ZP_COMPARATOR_LE },
  { "超过", ZP_COMPARATOR_GT },
  { "高于", ZP_COMPARATOR_GT },
  { "大于", ZP_COMPARATOR_GT },
  { "低于", ZP_COMPARATOR_LT },
  { "少于", ZP_COMPARATOR_LT },
  { "小于", ZP_COMPARATOR_LT },
};

/* Written after the unit: "500人以上", "7个工作日内". */
static const ComparatorWord suffixes[] = {
  { "及以上", ZP_COMPARATOR_GE },
  { "以上", ZP_COMPARATOR_GE },
  { "及以下", ZP_COMPARATOR_LE },
  { "以下", ZP_COMPARATOR_LE },
  { "以内", ZP_COMPARATOR_LE },
  { "内", ZP_COMPARATOR_LE },
};

/* "起" (starting from): "0起" is a zero target, "100元起" a floor. */
#define ZERO_START_SUFFIX "起"
#define PERCENT_WORD "百分比"

typedef struct
{
  const char *word;
  guint       magnitude;
} MagnitudeWord;

static const MagnitudeWord magnitudes[] = {
  { "万亿", 12 },
  { "万", 4 },
  { "亿", 8 },
};

/* What people write to say the target was met. Kept short on purpose: a longer sentence
 * may well say something else, and then the user grades it. */
/* No digits in these (see zp_text_says_achieved()). */
static const char * const achieved_words[] = {
  "完成",
  "已完成",
  "达成",
  "已达成",
  "达成年度指标",
  "达成预期指标",
  "达到预期",
  "全部完成",
  "按期完成",
};

/* ---- normalisation ---------------------------------------------------------------- */

static gboolean
is_removable_space (gunichar c)
{
  /* Most characters of a form are ASCII or CJK ideographs: answered without tables. */
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  if (c >= 0x4E00 && c <= 0x9FFF)
    return FALSE;
  /* Zero-width spaces and byte-order marks come along when text is pasted from PDFs. */
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* g_str_has_prefix() without a strlen() of the text, first byte first: each target and
 * actual is tried against some thirty words. */
static gboolean
starts_with (const char *text,
             const char *word)
{
  return text[0] == word[0] && strncmp (text, word, strlen (word)) == 0;
}

static gunichar
to_half_width (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  if (c == 0x3000)
    return ' ';
  return c;
}

/* The character at p (its first byte 0x80 or above) and its length in bytes, or a
 * length of 0 when p holds no well-formed UTF-8 (g_utf8_validate()'s rules: no overlong
 * forms, no surrogates, nothing above U+10FFFF). Never reads past a NUL. */
static inline gsize
utf8_decode (const guchar *p,
             gunichar     *c)
{
  guchar b = p[0];
  guchar low = 0x80, high = 0xBF;
  gsize length;
  gunichar value;

  if (b >= 0xC2 && b <= 0xDF)
    {
      length = 2;
      value = b & 0x1F;
    }
  else if (b >= 0xE0 && b <= 0xEF)
    {
      length = 3;
      value = b & 0x0F;
      if (b == 0xE0)
        low = 0xA0;
      else if (b == 0xED)
        high = 0x9F;
    }
  else if (b >= 0xF0 && b <= 0xF4)
    {
      length = 4;
      value = b & 0x07;
      if (b == 0xF0)
        low = 0x90;
      else if (b == 0xF4)
        high = 0x8F;
    }
  else
    return 0;

  if (p[1] < low || p[1] > high)
    return 0;
  value = (value << 6) | (p[1] & 0x3F);
  for (gsize i = 2; i < length; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
      value = (value << 6) | (p[i] & 0x3F);
    }
  *c = value;
  return length;
}

/* Normalises `text` into `out`, which has room for strlen (text) + 1 bytes: the result is
 * never longer (full-width forms take 3 bytes, their ASCII ones 1). FALSE when the text
 * is not valid UTF-8 (then `out` holds nothing useful). Byte by byte, validating as it
 * goes, rather than g_utf8_validate() first and GString: every indicator's target and
 * actual are read on load, several times. */
static gboolean
normalize_into (const char *text,
                char       *out)
{
  char *o = out;
  const char *p = text;

  while (*p != '\0')
    {
      guchar byte = *p;
      gunichar c;
      gsize length;

      if (byte < 0x80)
        {
          if (!is_removable_space (byte))
            *o++ = byte;
          p++;
          continue;
        }

      length = utf8_decode ((const guchar *) p, &c);
      if (length == 0)
        return FALSE;
      c = to_half_width (c);
      if (c < 0x80)
        {
          if (!is_removable_space (c))
            *o++ = c;
        }
      else if (!is_removable_space (c))
        {
          memcpy (o, p, length);
          o += length;
        }
      p += length;
    }
  *o = '\0';
  return TRUE;
}

/* A normalised text, on the stack when short. */
typedef struct
{
  char  *text;
  char   stack[256];
  char  *valid;
} Normalized;

static char *
normalized_buffer (Normalized *n,
                   const char *text)
{
  gsize length = strlen (text);

  return length < sizeof n->stack ? n->stack : g_malloc (length + 1);
}

static const char *
normalized_init (Normalized *n,
                 const char *text)
{
  n->valid = NULL;
  if (text == NULL)
    text = "";

  n->text = normalized_buffer (n, text);
  if (normalize_into (text, n->text))
    return n->text;

  /* Not UTF-8: read as g_utf8_make_valid() mends it. */
  if (n->text != n->stack)
    g_free (n->text);
  text = n->valid = g_utf8_make_valid (text, -1);
  n->text = normalized_buffer (n, text);
  normalize_into (text, n->text);
  return n->text;
}

static void
normalized_clear (Normalized *n)
{
  if (n->text != n->stack)
    g_free (n->text);
  g_free (n->valid);
}

char *
zp_text_normalize (const char *text)
{
  Normalized n;
  char *result;

  normalized_init (&n, text);
  result = g_strdup (n.text);
  normalized_clear (&n);
  return result;
}

/* ---- reading a quantity ----------------------------------------------------------- */

static const char *
read_prefix (const char   *p,
             ZpComparator *comparator)
{
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (starts_with (p, prefixes[i].word))
        {
          *comparator = prefixes[i].comparator;
          return p + strlen (prefixes[i].word);
        }
    }

  *comparator = ZP_COMPARATOR_NONE;
  return p;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == ',' || c == '.';
}

/* A power of ten applied to a value, refused when it would not fit. */
static gboolean
apply_magnitude (ZpDecimal *value,
                 guint      magnitude)
{
  gint64 factor = 1;

  for (guint i = 0; i < magnitude; i++)
    factor *= 10;

  if (value->raw > G_MAXINT64 / factor || value->raw < -(G_MAXINT64 / factor))
    return FALSE;

  value->raw *= factor;
  return TRUE;
}

static const char *
read_magnitude (const char *p,
                guint      *magnitude)
{
  for (guint i = 0; i < G_N_ELEMENTS (magnitudes); i++)
    {
      if (starts_with (p, magnitudes[i].word))
        {
          *magnitude = magnitudes[i].magnitude;
          return p + strlen (magnitudes[i].word);
        }
    }

  *magnitude = 0;
  return p;
}

/* The number and a magnitude word right after it: "1.5", "1,200", "90万". */
static const char *
read_value (const char *p,
            ZpQuantity *q)
{
  const char *start = p;
  char buffer[64];
  g_autofree char *heap = NULL;
  char *number;

  if (*p == '-' || *p == '+')
    p++;
  while (is_number_char (*p))
    p++;

  /* Copied to end it: on the stack unless very long. */
  if ((gsize) (p - start) < sizeof buffer)
    {
      number = buffer;
      memcpy (number, start, p - start);
      number[p - start] = '\0';
    }
  else
    number = heap = g_strndup (start, p - start);
  if (!zp_decimal_parse (number, &q->value, NULL))
    return NULL;

  p = read_magnitude (p, &q->magnitude);
  if (!apply_magnitude (&q->value, q->magnitude))
    return NULL;

  return p;
}

static const char *
read_percent (const char *p,
              gboolean   *percent)
{
  *percent = TRUE;
  if (*p == '%')
    return p + 1;
  if (starts_with (p, PERCENT_WORD))
    return p + strlen (PERCENT_WORD);

  *percent = FALSE;
  return p;
}

static gboolean
is_positive (ZpComparator comparator)
{
  return comparator == ZP_COMPARATOR_GE || comparator == ZP_COMPARATOR_GT;
}

static gboolean
is_reverse (ZpComparator comparator)
{
  return comparator == ZP_COMPARATOR_LE || comparator == ZP_COMPARATOR_LT;
}

/* A suffix agrees with a written comparator when both point the same way ("≥90%以上");
 * "≤5天以上" contradicts itself and is refused. */
static gboolean
merge_comparator (ZpQuantity   *q,
                  ZpComparator  suffix)
{
  if (q->comparator == ZP_COMPARATOR_NONE)
    {
      q->comparator = suffix;
      return TRUE;
    }

  return (is_positive (q->comparator) && is_positive (suffix))
         || (is_reverse (q->comparator) && is_reverse (suffix));
}

/* Whether `text`, `length` bytes long, ends with `word`; if so, cuts it off. */
static gboolean
cut_suffix (char       *text,
            gsize       length,
            const char *word)
{
  gsize word_length = strlen (word);

  if (word_length > length || memcmp (text + length - word_length, word, word_length) != 0)
    return FALSE;
  text[length - word_length] = '\0';
  return TRUE;
}

/* Strips a trailing comparator word or 起 off `rest` (modified in place). */
static gboolean
read_suffix (char       *rest,
             ZpQuantity *q)
{
  gsize length = strlen (rest);

  if (cut_suffix (rest, length, ZERO_START_SUFFIX))
    {
      q->zero_start = zp_decimal_is_zero (q->value);
      return q->zero_start || merge_comparator (q, ZP_COMPARATOR_GE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (cut_suffix (rest, length, suffixes[i].word))
        return merge_comparator (q, suffixes[i].comparator);
    }

  return TRUE;
}

static gboolean
is_unit_char (gunichar c)
{
  /* Letters include CJK ideographs; digits and punctuation mean there is more than a unit. */
  return g_unichar_isalpha (c)
         || c == '/'
         || c == 0x00B2   /* ² */
         || c == 0x00B3   /* ³ */
         || c == 0x00B0   /* ° */
         || c == 0x2103;  /* ℃ */
}

static gboolean
is_unit (const char *text)
{
  if (g_utf8_strlen (text, -1) > MAX_UNIT_CHARS)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!is_unit_char (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_unit (const char *p,
           ZpQuantity *q)
{
  char buffer[128];
  gsize length = strlen (p);
  g_autofree char *heap = NULL;
  char *rest;

  /* A copy to strip the suffix off, on the stack unless long (and then no unit). */
  rest = length < sizeof buffer ? buffer : (heap = g_malloc (length + 1));
  memcpy (rest, p, length + 1);

  if (!read_suffix (rest, q) || !is_unit (rest))
    return FALSE;

  if (rest[0] == '\0')
    return TRUE;

  /* "90%以上" has a suffix, but a percentage does not take a unit too. */
  if (q->percent)
    return FALSE;

  q->unit = g_strdup (rest);
  return TRUE;
}

static gboolean
read_quantity (const char *normalized,
               ZpQuantity *out)
{
  ZpQuantity q = { 0 };
  const char *p;

  p = read_prefix (normalized, &q.comparator);
  p = read_value (p, &q);
  if (p == NULL)
    return FALSE;

  p = read_percent (p, &q.percent);
  if (!read_unit (p, &q))
    {
      zp_quantity_clear (&q);
      return FALSE;
    }

  *out = q;
  return TRUE;
}

gboolean
zp_quantity_parse (const char *text,
                   ZpQuantity *out)
{
  Normalized normalized;
  gboolean ok;

  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  ok = read_quantity (normalized_init (&normalized, text), out);
  normalized_clear (&normalized);

  /* "≥95%。": a full stop typed after the figure is not part of it (the checks warn). */
  if (!ok && zp_text_has_trailing_stop (text))
    {
      g_autofree char *stripped = zp_text_strip_trailing_stop (text);

      zp_quantity_clear (out);
      ok = read_quantity (normalized_init (&normalized, stripped), out);
      normalized_clear (&normalized);
    }
  return ok;
}

/* Only the full stop: a trailing comma or semicolon may mean the text was cut. */
static const char * const stops[] = { "。" };

/* Without copying: the checks ask it of every target and actual. */
gboolean
zp_text_has_trailing_stop (const char *text)
{
  gsize length;

  if (text == NULL)
    return FALSE;
  length = strlen (text);
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      gsize stop = strlen (stops[i]);

      if (length > stop && memcmp (text + length - stop, stops[i], stop) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
zp_text_strip_trailing_stop (const char *text)
{
  char *trimmed = g_strchomp (g_strdup (text != NULL ? text : ""));
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
        if (g_str_has_suffix (trimmed, stops[i]) && strlen (trimmed) > strlen (stops[i]))
          {
            trimmed[strlen (trimmed) - strlen (stops[i])] = '\0';
            g_strchomp (trimmed);
            again = TRUE;
          }
    }
  return trimmed;
}

void
zp_quantity_clear (ZpQuantity *q)
{
  g_return_if_fail (q != NULL);

  g_clear_pointer (&q->unit, g_free);
  memset (q, 0, sizeof *q);
}

/* ---- what an actual value says ---------------------------------------------------- */

gboolean
zp_text_says_achieved (const char *actual)
{
  Normalized normalized;
  const char *text;
  gboolean found = FALSE;

  /* Most actual values are figures: a digit stays one when normalised, and no achieved
   * word has one, so such a text is none of them (and need not be normalised). */
  if (actual != NULL && strpbrk (actual, "0123456789") != NULL)
    return FALSE;

  text = normalized_init (&normalized, actual);

  for (guint i = 0; i < G_N_ELEMENTS (achieved_words) && !found; i++)
    found = g_str_equal (text, achieved_words[i]);

  normalized_clear (&normalized);
  return found;
}

#define NOT_UTF8 G_MAXUINT32

/* The next character normalisation keeps of the text at *p (as normalize_into() does, a
 * full-width form as its ASCII one), moving *p past it: 0 at the end, NOT_UTF8 on bytes
 * that are not UTF-8. */
static gunichar
next_kept (const char **p)
{
  for (;;)
    {
      guchar byte = **p;
      gunichar c;

      if (byte == '\0')
        return 0;
      if (byte < 0x80)
        {
          c = byte;
          *p += 1;
        }
      else
        {
          gsize length = utf8_decode ((const guchar *) *p, &c);

          if (length == 0)
            return NOT_UTF8;
          *p += length;
          c = to_half_width (c);
        }
      if (!is_removable_space (c))
        return c;
    }
}

/* Whether actual and target are the same text once normalised, the target not blank;
 * NOT_UTF8 to say the texts must be mended first. Character by character, stopping at
 * the first difference: most actual values differ from their target at once. */
static gunichar
restates_streaming (const char *actual,
                    const char *target)
{
  gunichar a, t = next_kept (&target);

  if (t == 0 || t == NOT_UTF8)
    return t;
  for (a = next_kept (&actual); a == t && t != 0 && t != NOT_UTF8; a = next_kept (&actual))
    t = next_kept (&target);
  if (a == NOT_UTF8 || t == NOT_UTF8)
    return NOT_UTF8;
  return a == t;
}

gboolean
zp_text_restates (const char *actual,
                  const char *target)
{
  Normalized normalized_target;
  gboolean restates = FALSE;
  gunichar streamed = restates_streaming (actual != NULL ? actual : "", target != NULL ? target : "");

  if (streamed != NOT_UTF8)
    return streamed != 0;

  if (*normalized_init (&normalized_target, target) != '\0')
    {
      Normalized normalized_actual;

      restates = g_str_equal (normalized_init (&normalized_actual, actual),
                              normalized_target.text);
      normalized_clear (&normalized_actual);
    }
  normalized_clear (&normalized_target);
  return restates;
}
