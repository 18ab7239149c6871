package dev.midad.model.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The locales Facebook accepts in {@code og:locale}: its own list, not ISO's. Arabic is one locale there
 * ({@code ar_AR}, not {@code ar_EG}), Ukrainian {@code uk_UA}, Persian {@code fa_IR}; a value outside the list
 * is reported as invalid by Facebook's sharing debugger.
 */
public final class OpenGraphLocales {
    /** Facebook's locales (its joke ones left out); the first of a language is that language's default. */
    private static final List<String> LIST = List.of(
            "af_ZA", "ak_GH", "am_ET", "ar_AR", "as_IN", "ay_BO", "az_AZ", "be_BY", "bg_BG", "bn_IN", "br_FR", "bs_BA",
            "ca_ES", "cb_IQ", "ck_US", "co_FR", "cs_CZ", "cx_PH", "cy_GB", "da_DK", "de_DE", "el_GR", "en_US", "en_GB",
            "en_IN", "eo_EO", "es_ES", "es_LA", "es_CL", "es_CO", "es_MX", "es_VE", "et_EE", "eu_ES", "fa_IR", "ff_NG",
            "fi_FI", "fo_FO", "fr_FR", "fr_CA", "fy_NL", "ga_IE", "gl_ES", "gn_PY", "gu_IN", "ha_NG", "he_IL", "hi_IN",
            "hr_HR", "ht_HT", "hu_HU", "hy_AM", "id_ID", "ig_NG", "is_IS", "it_IT", "iu_CA", "ja_JP", "jv_ID", "ka_GE",
            "kk_KZ", "km_KH", "kn_IN", "ko_KR", "ks_IN", "ku_TR", "ky_KG", "la_VA", "lg_UG", "li_NL", "ln_CD", "lo_LA",
            "lt_LT", "lv_LV", "mg_MG", "mi_NZ", "mk_MK", "ml_IN", "mn_MN", "mr_IN", "ms_MY", "mt_MT", "my_MM", "nb_NO",
            "nd_ZW", "ne_NP", "nl_NL", "nl_BE", "nn_NO", "ny_MW", "om_ET", "or_IN", "pa_IN", "pl_PL", "ps_AF", "pt_PT",
            "pt_BR", "qu_PE", "rm_CH", "ro_RO", "ru_RU", "rw_RW", "sa_IN", "sc_IT", "se_NO", "si_LK", "sk_SK", "sl_SI",
            "sn_ZW", "so_SO", "sq_AL", "sr_RS", "ss_SZ", "st_ZA", "su_ID", "sv_SE", "sw_KE", "sy_SY", "sz_PL", "ta_IN",
            "te_IN", "tg_TJ", "th_TH", "tk_TM", "tl_PH", "tn_BW", "tr_TR", "ts_ZA", "tt_RU", "uk_UA", "ur_PK", "uz_UZ",
            "ve_ZA", "vi_VN", "wo_SN", "xh_ZA", "yi_DE", "yo_NG", "zh_CN", "zh_HK", "zh_TW", "zu_ZA");

    private static final Set<String> ALL = Set.copyOf(LIST);
    private static final Map<String, String> BY_LANGUAGE = new LinkedHashMap<>();

    static {
        LIST.forEach(l -> BY_LANGUAGE.putIfAbsent(l.substring(0, 2), l));
        BY_LANGUAGE.put("no", "nb_NO");
    }

    private OpenGraphLocales() {}

    /**
     * The Open Graph locale of {@code locale}: its own language and country when Facebook lists them
     * ({@code en-GB} en_GB), else its language's ({@code ar-EG} ar_AR), else "" (the tag is then left out).
     */
    public static String of(Locale locale) {
        String language = Locale.forLanguageTag(locale.toLanguageTag()).getLanguage();
        language = switch (language) {
            case "iw" -> "he";
            case "ji" -> "yi";
            case "in" -> "id";
            default -> language;
        };
        String exact = language + "_" + locale.getCountry();
        if (ALL.contains(exact)) {
            return exact;
        }
        return BY_LANGUAGE.getOrDefault(language, "");
    }
}
