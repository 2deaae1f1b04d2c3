// The redaction layer: what must never reach a log line is masked, and ordinary diagnostics stay
// readable (a redactor that blanked everything would pass a leak test and help nobody).
#include "common/Redaction.h"

#include <catch2/catch.hpp>

#include <QStringList>

using namespace hearth;

TEST_CASE("NHS numbers are recognised by their modulus-11 check digit", "[security][logs]")
{
    CHECK(redaction::isNhsNumber(QStringLiteral("9434765919")));
    CHECK(redaction::isNhsNumber(QStringLiteral("4010232137")));
    CHECK_FALSE(redaction::isNhsNumber(QStringLiteral("9434765918")));   // wrong check digit
    CHECK_FALSE(redaction::isNhsNumber(QStringLiteral("1234567890")));   // check digit would be 10
    CHECK_FALSE(redaction::isNhsNumber(QStringLiteral("943476591")));
    CHECK_FALSE(redaction::isNhsNumber(QStringLiteral("94347659x9")));
}

TEST_CASE("secrets and identifiers are masked in log lines", "[security][logs]")
{
    struct Row {
        const char *input;
        const char *mustNotContain;
        const char *mustContain;
    };
    const Row rows[] = {
        {"Authorization: Bearer abc.DEF-123_xyz~", "abc.DEF-123_xyz~", "Bearer [token]"},
        {"header bearer 9f8e7d6c5b4a", "9f8e7d6c5b4a", "[token]"},
        {R"(Authorization: Bearer "quoted-by-QDebug")", "quoted-by-QDebug", "Bearer [token]"},
        {"id_token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln was odd", "eyJzdWIiOiIxIn0", "[jwt]"},
        {"GET /cb?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj", "SplxlOBeZQQYbYS6WxSbIA", "code=[redacted]"},
        {"GET /cb?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj", "af0ifjsldkj", "state=[redacted]"},
        {"grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA", "tGzv3JOkF0XG5Qx2TlKWIA", "refresh_token=[redacted]"},
        {R"({"access_token":"SlAV32hkKG","token_type":"Bearer"})", "SlAV32hkKG", R"("access_token":"[redacted]")"},
        {"login_hint=sarah.parent&scope=openid", "sarah.parent", "login_hint=[redacted]"},
        {"NHS number 943 476 5919 on file", "943 476 5919", "[nhs-number]"},
        {"nhs=9434765919;", "9434765919", "[nhs-number]"},
        {"mail sarah.ashworth@example.co.uk bounced", "sarah.ashworth@example.co.uk", "[email]"},
        {"item 3f2504e0-4f89-41d3-9a0c-0305e82c3301 sent", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "[uuid]"},
        {"GET https://fhir.example.org/R4/Patient/pat-0001/_history", "pat-0001", "/Patient/[id]/_history"},
        {"GET /fhir/R4/Observation?patient=pat-0002&_count=50", "pat-0002", "patient=[id]"},
        {"GET /fhir/R4/Task?subject=Patient/pat-0003", "pat-0003", "subject=[id]"},
    };
    for (const Row &row : rows) {
        const QString out = redaction::redact(QString::fromUtf8(row.input));
        INFO(row.input << " -> " << out.toStdString());
        CHECK_FALSE(out.contains(QString::fromUtf8(row.mustNotContain)));
        CHECK(out.contains(QString::fromUtf8(row.mustContain)));
    }
}

TEST_CASE("ordinary diagnostics pass through unchanged", "[security][logs]")
{
    const char *lines[] = {
        "HTTP 503 from FHIR server",
        "retrying after 1500 ms, attempt 3",
        "response cut short: 1024 of 4096 bytes",
        "synced 2024-05-01T10:00:00Z, 1234567890 bytes",   // a count that fails the NHS check
        "request failed without HTTP status: QNetworkReply::ConnectionRefusedError",
        "schema 3 -> 4",
        "qrc:/Hearth/FlagTag.qml:50:17: QML FlagTag: Binding loop detected for property \"width\"",
    };
    for (const char *line : lines) {
        INFO(line);
        CHECK(redaction::redact(QString::fromUtf8(line)) == QString::fromUtf8(line));
    }
}

TEST_CASE("the installed handler redacts before the previous handler sees the message", "[security][logs]")
{
    static QStringList seen;
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &message) { seen << message; });
    redaction::installMessageHandler();
    redaction::installMessageHandler();   // idempotent: no double chain
    qWarning("token Bearer s3cr3t-t0ken for 943 476 5919");
    REQUIRE(seen.size() == 1);
    CHECK_FALSE(seen.first().contains(QStringLiteral("s3cr3t-t0ken")));
    CHECK_FALSE(seen.first().contains(QStringLiteral("943 476 5919")));
    CHECK(seen.first().contains(QStringLiteral("[token]")));
    qInstallMessageHandler(nullptr);
}
