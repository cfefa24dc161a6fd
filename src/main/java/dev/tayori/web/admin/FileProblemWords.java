package dev.tayori.web.admin;

import dev.tayori.campaign.CampaignProblem;
import dev.tayori.campaign.CampaignProblem.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's words for an edited campaign file or template that was not taken
 * ({@link dev.tayori.reload.FileReloader}): where (file:line, as the operator's editor finds it),
 * what kind of mistake in Japanese, and the checker's own detail (English, as `campaigns validate`
 * prints it) for whoever helps fix it.
 */
final class FileProblemWords {
    private static final Map<Kind, String> REASONS = new EnumMap<>(Map.of(
            Kind.CAMPAIGN_FILE, "キャンペーンファイルの書き方に誤りがあります。",
            Kind.SUBJECT, "件名に誤りがあります（空になる、改行が入る、長すぎる、書き方の誤り）。",
            Kind.TEMPLATE_MISSING, "キャンペーンファイルが指定しているテンプレートのファイルがありません。",
            Kind.TEMPLATE, "テンプレートの書き方に誤りがあります。",
            Kind.FORBIDDEN_CODE, "テンプレートに、安全のため使えない命令（?new、?api、?eval など）があります。このテンプレートは読み込みません。",
            Kind.LEGAL_FOOTER, "メールに必要な表示（送信者名、住所、連絡先、配信停止のリンク）が足りません。"));

    private FileProblemWords() {
    }

    /** One row per problem: {@code place}, {@code reason}, {@code detail}. */
    static List<Map<String, Object>> of(List<CampaignProblem> problems) {
        return problems.stream().map(p -> Map.<String, Object>of(
                "place", p.file() + (p.line() > 0 ? ":" + p.line() : ""),
                "reason", REASONS.get(p.kind()),
                "detail", shortened(p.message()))).toList();
    }

    /** FreeMarker's detail can list every built-in it knows; the start says what is wrong. */
    private static String shortened(String message) {
        return message.length() <= 300 ? message : message.substring(0, 300) + "…";
    }
}
