/* zp-decimal.c — exact fixed-point decimals.
 *
 * Every intermediate product or quotient is computed in 128 bits and rounded once, half-up
 * (away from zero). Results that do not fit in 64 bits saturate instead of wrapping: no
 * figure on a real form comes near ±9.2 × 10^12, and a clamped value is easier to notice
 * than a wrapped one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ziping-core.h"

typedef __int128 ZpWide;
typedef unsigned __int128 ZpUWide;

static const gint64 powers_of_ten[] = {
  G_GINT64_CONSTANT (1),
  G_GINT64_CONSTANT (10),
  G_GINT64_CONSTANT (100),
  G_GINT64_CONSTANT (1000),
  G_GINT64_CONSTANT (10000),
  G_GINT64_CONSTANT (100000),
  G_GINT64_CONSTANT (1000000),
  G_GINT64_CONSTANT (10000000),
  G_GINT64_CONSTANT (100000000),
  G_GINT64_CONSTANT (1000000000),
  G_GINT64_CONSTANT (10000000000),
  G_GINT64_CONSTANT (100000000000),
  G_GINT64_CONSTANT (1000000000000),
  G_GINT64_CONSTANT (10000000000000),
  G_GINT64_CONSTANT (100000000000000),
  G_GINT64_CONSTANT (1000000000000000),
  G_GINT64_CONSTANT (10000000000000000),
  G_GINT64_CONSTANT (100000000000000000),
  G_GINT64_CONSTANT (1000000000000000000),
};

static ZpDecimal
make (gint64 raw)
{
  return (ZpDecimal) { raw };
}

static gint64
clamp_wide (ZpWide value)
{
  if (value > G_MAXINT64)
    return G_MAXINT64;
  if (value < G_MININT64)
    return G_MININT64;
  return (gint64) value;
}

static ZpUWide
wide_abs (ZpWide value)
{
  return value < 0 ? (ZpUWide) 0 - (ZpUWide) value : (ZpUWide) value;
}

/* n / d rounded half-up (ties away from zero). d != 0. */
static ZpWide
div_half_up (ZpWide n,
             ZpWide d)
{
  ZpUWide un = wide_abs (n);
  ZpUWide ud = wide_abs (d);
  ZpUWide q = un / ud;
  ZpUWide r = un - q * ud;

  if (r >= ud - r)
    q++;

  return ((n < 0) != (d < 0)) ? -(ZpWide) q : (ZpWide) q;
}

ZpDecimal
zp_decimal_from_int (gint64 value)
{
  return make (clamp_wide ((ZpWide) value * ZP_DECIMAL_SCALE));
}

ZpDecimal
zp_decimal_from_fixed (gint64 units,
                       guint  places)
{
  if (places <= ZP_DECIMAL_PLACES)
    return make (clamp_wide ((ZpWide) units * powers_of_ten[ZP_DECIMAL_PLACES - places]));

  /* More places than we keep: round the extra ones away. */
  if (places - ZP_DECIMAL_PLACES >= G_N_ELEMENTS (powers_of_ten))
    return ZP_DECIMAL_ZERO;
  return make (clamp_wide (div_half_up (units, powers_of_ten[places - ZP_DECIMAL_PLACES])));
}

/* ---- parsing ---------------------------------------------------------------------- */

/* Beyond 16 fraction digits nothing changes the rounded result (the finest scale we apply
 * is 10^-(6 + 8) for 亿, plus one rounding digit), and 17 integer digits are already out of
 * range for any suffix: together they keep the mantissa far below 2^127. */
#define MAX_FRACTION_DIGITS 16
#define MAX_INTEGER_DIGITS  17

typedef struct
{
  const char *p;
  ZpUWide     mantissa;
  guint       integer_digits;
  guint       fraction_digits;
  gboolean    negative;
  int         exponent;     /* suffix: % → -2, 万 → 4, 亿 → 8 */
  gboolean    percent;
  gboolean    too_many_digits;  /* a number, but out of range whatever its suffix */
} NumberReader;

static gunichar
peek (NumberReader *r)
{
  return g_utf8_get_char (r->p);
}

static void
advance (NumberReader *r)
{
  r->p = g_utf8_next_char (r->p);
}

static void
skip_space (NumberReader *r)
{
  while (*r->p != '\0' && g_unichar_isspace (peek (r)))
    advance (r);
}

/* 0-9 and the full-width ０-９; -1 for anything else. */
static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  return -1;
}

static gboolean
is_group_separator (gunichar c)
{
  return c == ',' || c == 0xFF0C;  /* ， */
}

static gboolean
is_decimal_point (gunichar c)
{
  return c == '.' || c == 0xFF0E;  /* ． */
}

static void
read_sign (NumberReader *r)
{
  gunichar c = peek (r);

  if (c == '-' || c == 0xFF0D || c == 0x2212)  /* - － − */
    {
      r->negative = TRUE;
      advance (r);
    }
  else if (c == '+' || c == 0xFF0B)  /* + ＋ */
    {
      advance (r);
    }
}

/* Digits with optional thousands separators: "1,234,567". A separator must sit between
 * digits and be followed by groups of exactly three. */
static gboolean
read_integer_part (NumberReader *r)
{
  guint group_len = 0;
  gboolean grouped = FALSE;

  for (;;)
    {
      gunichar c = peek (r);
      int d = digit_value (c);

      if (d >= 0)
        {
          /* Past MAX_INTEGER_DIGITS the digits are still read, for the syntax, and the
           * number is out of range. */
          if (r->mantissa != 0 && ++r->integer_digits > MAX_INTEGER_DIGITS)
            r->too_many_digits = TRUE;
          else
            r->mantissa = r->mantissa * 10 + (ZpUWide) d;
          group_len++;
          advance (r);
        }
      else if (is_group_separator (c))
        {
          if (group_len == 0 || group_len > 3 || (grouped && group_len != 3))
            return FALSE;
          grouped = TRUE;
          group_len = 0;
          advance (r);
        }
      else
        break;
    }

  return !grouped || group_len == 3;
}

static guint
read_fraction_part (NumberReader *r)
{
  guint read = 0;
  int d;

  while ((d = digit_value (peek (r))) >= 0)
    {
      if (r->fraction_digits < MAX_FRACTION_DIGITS)
        {
          r->mantissa = r->mantissa * 10 + (ZpUWide) d;
          r->fraction_digits++;
        }
      read++;
      advance (r);
    }

  return read;
}

static void
read_suffix (NumberReader *r)
{
  gunichar c = peek (r);

  if (c == '%' || c == 0xFF05)  /* ％ */
    {
      r->exponent = -2;
      r->percent = TRUE;
    }
  else if (c == 0x4E07)  /* 万 */
    r->exponent = 4;
  else if (c == 0x4EBF)  /* 亿 */
    r->exponent = 8;
  else
    return;

  advance (r);
}

static gboolean
read_number (NumberReader *r)
{
  const char *digits_start;
  guint fraction_read = 0;
  gboolean has_point = FALSE;

  skip_space (r);
  read_sign (r);

  digits_start = r->p;
  if (!read_integer_part (r))
    return FALSE;

  if (is_decimal_point (peek (r)))
    {
      has_point = TRUE;
      advance (r);
      fraction_read = read_fraction_part (r);
    }

  /* "1." and "." are not numbers; ".5" is. */
  if (r->p == digits_start || (has_point && fraction_read == 0))
    return FALSE;

  skip_space (r);
  read_suffix (r);
  skip_space (r);

  return *r->p == '\0';
}

/* mantissa × 10^(6 + exponent − fraction digits), half-up, within gint64. */
static gboolean
scale_mantissa (const NumberReader *r,
                gint64             *raw)
{
  int shift = ZP_DECIMAL_PLACES + r->exponent - (int) r->fraction_digits;
  ZpUWide value = r->mantissa;

  if (shift >= 0)
    {
      for (int i = 0; i < shift; i++)
        {
          if (value > (ZpUWide) G_MAXINT64)
            return FALSE;
          value *= 10;
        }
    }
  else
    {
      ZpUWide divisor = 1;

      for (int i = 0; i < -shift; i++)
        divisor *= 10;
      value = (value + divisor / 2) / divisor;
    }

  if (value > (ZpUWide) G_MAXINT64)
    return FALSE;

  *raw = r->negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

ZpDecimalParse
zp_decimal_parse_checked (const char *text,
                          ZpDecimal  *out,
                          gboolean   *is_percent)
{
  NumberReader reader = { 0 };
  gint64 raw;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return ZP_DECIMAL_PARSE_NOT_A_NUMBER;

  reader.p = text;
  if (!read_number (&reader))
    return ZP_DECIMAL_PARSE_NOT_A_NUMBER;
  if (reader.too_many_digits || !scale_mantissa (&reader, &raw))
    return ZP_DECIMAL_PARSE_OUT_OF_RANGE;

  if (out != NULL)
    out->raw = raw;
  if (is_percent != NULL)
    *is_percent = reader.percent;
  return ZP_DECIMAL_PARSE_OK;
}

gboolean
zp_decimal_parse (const char *text,
                  ZpDecimal  *out,
                  gboolean   *is_percent)
{
  return zp_decimal_parse_checked (text, out, is_percent) == ZP_DECIMAL_PARSE_OK;
}

/* ---- arithmetic ------------------------------------------------------------------- */

ZpDecimal
zp_decimal_add (ZpDecimal a,
                ZpDecimal b)
{
  return make (clamp_wide ((ZpWide) a.raw + b.raw));
}

ZpDecimal
zp_decimal_sub (ZpDecimal a,
                ZpDecimal b)
{
  return make (clamp_wide ((ZpWide) a.raw - b.raw));
}

ZpDecimal
zp_decimal_mul (ZpDecimal a,
                ZpDecimal b)
{
  return make (clamp_wide (div_half_up ((ZpWide) a.raw * b.raw, ZP_DECIMAL_SCALE)));
}

ZpDecimal
zp_decimal_div (ZpDecimal a,
                ZpDecimal b)
{
  g_return_val_if_fail (b.raw != 0, ZP_DECIMAL_ZERO);

  return make (clamp_wide (div_half_up ((ZpWide) a.raw * ZP_DECIMAL_SCALE, b.raw)));
}

ZpDecimal
zp_decimal_mul_div (ZpDecimal a,
                    ZpDecimal b,
                    ZpDecimal c)
{
  g_return_val_if_fail (c.raw != 0, ZP_DECIMAL_ZERO);

  /* (a·10^6)(b·10^6) / (c·10^6) = (a·b/c)·10^6: one rounding, no intermediate loss. */
  return make (clamp_wide (div_half_up ((ZpWide) a.raw * b.raw, c.raw)));
}

ZpDecimal
zp_decimal_mul_div_round (ZpDecimal a,
                          ZpDecimal b,
                          ZpDecimal c,
                          guint     places)
{
  gint64 unit;

  g_return_val_if_fail (c.raw != 0, ZP_DECIMAL_ZERO);

  if (places >= ZP_DECIMAL_PLACES)
    return zp_decimal_mul_div (a, b, c);

  /* Divide by c × unit to land on whole units of the last kept place, then scale back. */
  unit = powers_of_ten[ZP_DECIMAL_PLACES - places];
  return make (clamp_wide (div_half_up ((ZpWide) a.raw * b.raw, (ZpWide) c.raw * unit) * unit));
}

ZpDecimal
zp_decimal_round (ZpDecimal a,
                  guint     places)
{
  gint64 unit;

  if (places >= ZP_DECIMAL_PLACES)
    return a;

  unit = powers_of_ten[ZP_DECIMAL_PLACES - places];
  return make (clamp_wide (div_half_up (a.raw, unit) * unit));
}

ZpDecimal
zp_decimal_min (ZpDecimal a,
                ZpDecimal b)
{
  return a.raw <= b.raw ? a : b;
}

ZpDecimal
zp_decimal_max (ZpDecimal a,
                ZpDecimal b)
{
  return a.raw >= b.raw ? a : b;
}

int
zp_decimal_cmp (ZpDecimal a,
                ZpDecimal b)
{
  return (a.raw > b.raw) - (a.raw < b.raw);
}

gboolean
zp_decimal_equal (ZpDecimal a,
                  ZpDecimal b)
{
  return a.raw == b.raw;
}

gboolean
zp_decimal_is_zero (ZpDecimal a)
{
  return a.raw == 0;
}

int
zp_decimal_sign (ZpDecimal a)
{
  return (a.raw > 0) - (a.raw < 0);
}

/* ---- formatting ------------------------------------------------------------------- */

/* Room for any gint64 raw value with its sign, point and up to ZP_DECIMAL_PLACES
 * decimals, and the zeros of zp_decimal_format() beyond them. */
#define FORMAT_BUFFER 64

/* Writes the decimal digits of `value` ending just before `end`; returns where they start. */
static char *
digits_before (char    *end,
               guint64  value)
{
  do
    {
      *--end = '0' + value % 10;
      value /= 10;
    }
  while (value != 0);
  return end;
}

/* Prints an already rounded raw value with exactly `places` decimals (≤ 6) into `out`
 * (FORMAT_BUFFER bytes); returns the length. By hand: every indicator's score is
 * formatted on each rescore, and printf costs ten times as much. */
static gsize
format_raw_into (gint64  raw,
                 guint   places,
                 char   *out)
{
  guint64 magnitude = raw < 0 ? (guint64) 0 - (guint64) raw : (guint64) raw;
  guint64 whole = magnitude / (guint64) ZP_DECIMAL_SCALE;
  guint64 fraction = magnitude % (guint64) ZP_DECIMAL_SCALE;
  char buffer[FORMAT_BUFFER];
  char *end = buffer + sizeof buffer;
  char *start = end;
  gsize length;

  if (places > 0)
    {
      fraction /= (guint64) powers_of_ten[ZP_DECIMAL_PLACES - places];
      for (guint i = 0; i < places; i++)
        {
          *--start = '0' + fraction % 10;
          fraction /= 10;
        }
      *--start = '.';
    }
  start = digits_before (start, whole);
  if (raw < 0)
    *--start = '-';

  length = end - start;
  memcpy (out, start, length);
  out[length] = '\0';
  return length;
}

static char *
format_raw (gint64 raw,
            guint  places)
{
  char buffer[FORMAT_BUFFER];

  format_raw_into (raw, places, buffer);
  return g_strdup (buffer);
}

/* Every indicator keeps its score text: allocated at its length, not a GString's. */
char *
zp_decimal_format (ZpDecimal a,
                   guint     places)
{
  guint kept = MIN (places, ZP_DECIMAL_PLACES);
  char buffer[FORMAT_BUFFER];
  gsize length = format_raw_into (zp_decimal_round (a, kept).raw, kept, buffer);

  /* Asked for more places than we store: they are all zeros. */
  if (places > kept)
    {
      g_autoptr(GString) text = g_string_new_len (buffer, length);

      for (guint i = kept; i < places; i++)
        g_string_append_c (text, '0');
      return g_strdup (text->str);
    }
  return g_strndup (buffer, length);
}

static void
trim_trailing_zeros (char *text)
{
  char *end;

  if (strchr (text, '.') == NULL)
    return;

  end = text + strlen (text);
  while (end > text && end[-1] == '0')
    *--end = '\0';
  if (end > text && end[-1] == '.')
    end[-1] = '\0';
}

char *
zp_decimal_format_trim (ZpDecimal a,
                        guint     places)
{
  char *text = zp_decimal_format (a, places);

  trim_trailing_zeros (text);
  return text;
}

char *
zp_decimal_format_percent (ZpDecimal rate,
                           guint     places,
                           gboolean  trim)
{
  guint kept = MIN (places, ZP_DECIMAL_PLACES);
  ZpDecimal percentage = make (clamp_wide ((ZpWide) rate.raw * 100));
  g_autofree char *number = NULL;

  percentage = zp_decimal_round (percentage, kept);

  /* Whole percentages print bare ("100%"); any other keeps all its places ("86.10%"). */
  if (trim && percentage.raw % ZP_DECIMAL_SCALE == 0)
    kept = 0;

  number = format_raw (percentage.raw, kept);
  return g_strconcat (number, "%", NULL);
}
