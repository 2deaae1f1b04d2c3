// Integration tests of hearth-sandbox over real HTTP on 127.0.0.1.
#include <catch2/catch.hpp>

#include "SandboxClient.h"

TEST_CASE("metadata and discovery documents", "[sandbox]")
{
    Fixture f;
    const Response meta = get(f.fhir(QStringLiteral("/metadata")));
    REQUIRE(meta.status == 200);
    CHECK(meta.headers.value("content-type").startsWith("application/fhir+json"));
    const QJsonObject cs = meta.object();
    CHECK(cs.value(QStringLiteral("resourceType")).toString() == QLatin1String("CapabilityStatement"));
    CHECK(cs.value(QStringLiteral("fhirVersion")).toString() == QLatin1String("4.0.1"));
    const QJsonObject rest = cs.value(QStringLiteral("rest")).toArray().at(0).toObject();
    CHECK(rest.value(QStringLiteral("mode")).toString() == QLatin1String("server"));
    CHECK(rest.value(QStringLiteral("resource")).toArray().size() == 14); // 10 + DocumentReference + Binary (read only) + the pharmacy directory (Organization, Location)
    const QByteArray security = QJsonDocument(rest.value(QStringLiteral("security")).toObject()).toJson();
    CHECK(security.contains("oauth-uris"));
    CHECK(security.contains((f.origin + QStringLiteral("/oauth2/token")).toLatin1()));

    for (const char *doc : {"/.well-known/smart-configuration", "/.well-known/openid-configuration"}) {
        const Response r = get(f.fhir(QString::fromLatin1(doc)));
        REQUIRE(r.status == 200);
        const QJsonObject o = r.object();
        CHECK(o.value(QStringLiteral("issuer")).toString() == f.base);
        CHECK(o.value(QStringLiteral("authorization_endpoint")).toString() == f.origin + QStringLiteral("/oauth2/authorize"));
        CHECK(o.value(QStringLiteral("token_endpoint")).toString() == f.origin + QStringLiteral("/oauth2/token"));
        CHECK(o.value(QStringLiteral("jwks_uri")).toString() == f.origin + QStringLiteral("/oauth2/jwks"));
        CHECK(o.value(QStringLiteral("code_challenge_methods_supported")).toArray() == QJsonArray{QStringLiteral("S256")});
        CHECK(o.value(QStringLiteral("capabilities")).toArray().contains(QStringLiteral("sso-openid-connect")));
    }
    CHECK(f.base.endsWith(QLatin1String("/fhir/R4")));
    CHECK(f.base.startsWith(QLatin1String("http://127.0.0.1:")));
}

TEST_CASE("authorization code flow with PKCE and refresh rotation", "[sandbox][security]")
{
    Fixture f;
    const auto pkce = Fixture::makePkce();
    const QString code = f.code(pkce, QStringLiteral("parent"), kLoopback);
    REQUIRE(code.size() >= 32);

    SECTION("wrong verifier is refused")
    {
        const Response r = f.exchange(code, Fixture::makePkce().verifier, kLoopback);
        CHECK(r.status == 400);
        CHECK(r.object().value(QStringLiteral("error")).toString() == QLatin1String("invalid_grant"));
    }
    SECTION("good exchange, then replay is refused and revokes the tokens")
    {
        const Response ok = f.exchange(code, pkce.verifier, kLoopback);
        REQUIRE(ok.status == 200);
        const QJsonObject t = ok.object();
        CHECK(t.value(QStringLiteral("token_type")).toString() == QLatin1String("Bearer"));
        CHECK(t.value(QStringLiteral("expires_in")).toInt() == 3600);
        CHECK(t.value(QStringLiteral("patient")).toString() == f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("id")).toString());
        CHECK(!t.value(QStringLiteral("refresh_token")).toString().isEmpty());
        const QByteArray access = t.value(QStringLiteral("access_token")).toString().toLatin1();
        CHECK(get(f.fhir(QStringLiteral("/Patient")), access).status == 200);

        const Response replay = f.exchange(code, pkce.verifier, kLoopback);
        CHECK(replay.status == 400);
        CHECK(replay.object().value(QStringLiteral("error")).toString() == QLatin1String("invalid_grant"));
        CHECK(get(f.fhir(QStringLiteral("/Patient")), access).status == 401);
    }
    SECTION("refresh tokens rotate and an old one is refused")
    {
        const Response ok = f.exchange(code, pkce.verifier, kLoopback);
        REQUIRE(ok.status == 200);
        const QString first = ok.object().value(QStringLiteral("refresh_token")).toString();
        auto refresh = [&](const QString &token) {
            const QByteArray form = "grant_type=refresh_token&client_id=hearth&refresh_token=" + QUrl::toPercentEncoding(token);
            return send("POST", f.url(QStringLiteral("/oauth2/token")), {}, form);
        };
        const Response second = refresh(first);
        REQUIRE(second.status == 200);
        const QString rotated = second.object().value(QStringLiteral("refresh_token")).toString();
        CHECK(rotated != first);
        CHECK(get(f.fhir(QStringLiteral("/Patient")), second.object().value(QStringLiteral("access_token")).toString().toLatin1()).status == 200);
        const Response reuse = refresh(first);
        CHECK(reuse.status == 400);
        CHECK(reuse.object().value(QStringLiteral("error")).toString() == QLatin1String("invalid_grant"));
    }
}

TEST_CASE("authorize rejects bad requests", "[sandbox][security]")
{
    Fixture f;
    const auto pkce = Fixture::makePkce();
    SECTION("plain PKCE method is an invalid_request redirect")
    {
        QUrlQuery q = f.authorizeQuery(pkce, kLoopback, QStringLiteral("plain"));
        q.addQueryItem(QStringLiteral("login_hint"), QStringLiteral("parent"));
        const Response r = f.authorize(q);
        REQUIRE(r.status == 302);
        const QUrlQuery back = Fixture::locationQuery(r);
        CHECK(back.queryItemValue(QStringLiteral("error")) == QLatin1String("invalid_request"));
        CHECK(back.queryItemValue(QStringLiteral("state")) == q.queryItemValue(QStringLiteral("state")));
        CHECK(!back.hasQueryItem(QStringLiteral("code")));
    }
    SECTION("short state and wrong aud are refused")
    {
        QUrlQuery q = f.authorizeQuery(pkce, kLoopback);
        q.removeAllQueryItems(QStringLiteral("state"));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("short"));
        CHECK(Fixture::locationQuery(f.authorize(q)).queryItemValue(QStringLiteral("error")) == QLatin1String("invalid_request"));
        QUrlQuery q2 = f.authorizeQuery(pkce, kLoopback);
        q2.removeAllQueryItems(QStringLiteral("aud"));
        q2.addQueryItem(QStringLiteral("aud"), QStringLiteral("http://elsewhere.example/fhir"));
        CHECK(Fixture::locationQuery(f.authorize(q2)).queryItemValue(QStringLiteral("error")) == QLatin1String("invalid_request"));
    }
    SECTION("non-loopback redirect and unknown client get an error page, never a redirect")
    {
        const Response r = f.authorize(f.authorizeQuery(pkce, QStringLiteral("http://evil.example/callback")));
        CHECK(r.status == 400);
        CHECK(!r.headers.contains("location"));
        QUrlQuery q = f.authorizeQuery(pkce, kLoopback);
        q.removeAllQueryItems(QStringLiteral("client_id"));
        q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("other"));
        const Response r2 = f.authorize(q);
        CHECK(r2.status == 400);
        CHECK(!r2.headers.contains("location"));
    }
    SECTION("without login_hint a sign-in page posts back and then redirects")
    {
        const QUrlQuery q = f.authorizeQuery(pkce, QStringLiteral("uk.nhs.hearth:/oauth2redirect"));
        const Response page = f.authorize(q);
        REQUIRE(page.status == 200);
        CHECK(page.body.contains("<form method=\"post\""));
        CHECK(page.body.contains("value=\"teen\""));
        QUrlQuery form = q;
        form.addQueryItem(QStringLiteral("user"), QStringLiteral("teen"));
        const Response r = send("POST", f.url(QStringLiteral("/oauth2/authorize")), {},
                                form.toString(QUrl::FullyEncoded).toLatin1());
        REQUIRE(r.status == 302);
        CHECK(r.headers.value("location").startsWith("uk.nhs.hearth:/oauth2redirect?code="));
    }
}

TEST_CASE("FHIR access control", "[sandbox][security]")
{
    Fixture f;
    const QString parentId = f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("id")).toString();
    const QString teenId = f.patientInfo(QStringLiteral("teen")).value(QStringLiteral("id")).toString();
    const Response anonymous = get(f.fhir(QStringLiteral("/Observation?patient=") + parentId));
    CHECK(anonymous.status == 401);
    CHECK(anonymous.headers.value("www-authenticate").startsWith("Bearer"));
    CHECK(anonymous.object().value(QStringLiteral("resourceType")).toString() == QLatin1String("OperationOutcome"));

    const QByteArray teen = f.accessToken(QStringLiteral("teen"));
    CHECK(get(f.fhir(QStringLiteral("/Observation?patient=") + teenId), teen).status == 200);
    const Response forbidden = get(f.fhir(QStringLiteral("/Observation?patient=") + parentId), teen);
    CHECK(forbidden.status == 403);
    CHECK(forbidden.object().value(QStringLiteral("resourceType")).toString() == QLatin1String("OperationOutcome"));
    CHECK(get(f.fhir(QStringLiteral("/Patient/") + parentId), teen).status == 403);
    const Response self = get(f.fhir(QStringLiteral("/Patient/") + teenId), teen);
    REQUIRE(self.status == 200);
    CHECK(self.object().value(QStringLiteral("id")).toString() == teenId);
    CHECK(self.body.contains(f.patientInfo(QStringLiteral("teen")).value(QStringLiteral("nhsNumber")).toString().toLatin1()));
    CHECK(get(f.fhir(QStringLiteral("/Observation/does-not-exist")), teen).status == 404);

    const QByteArray parent = f.accessToken(QStringLiteral("parent"));
    CHECK(get(f.fhir(QStringLiteral("/Condition?subject=Patient/") + teenId), parent).status == 200);
    const Response patients = get(f.fhir(QStringLiteral("/Patient")), parent);
    CHECK(patients.object().value(QStringLiteral("total")).toInt() == 3);
    CHECK(patients.body.contains("Ashworth-Okafor"));
    CHECK(get(f.fhir(QStringLiteral("/Basic?patient=") + parentId), parent).status == 404);
    CHECK(get(f.fhir(QStringLiteral("/Observation")), parent).status == 400);
    CHECK(get(f.fhir(QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_lastUpdated=gt2020-01-01T00:00:00")), parent).status == 400);
    CHECK(get(f.fhir(QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_count=abc")), parent).status == 400);
}

TEST_CASE("paging, _lastUpdated and touch", "[sandbox]")
{
    Fixture f;
    const QJsonObject info = f.patientInfo(QStringLiteral("parent"));
    const QString parentId = info.value(QStringLiteral("id")).toString();
    const int expected = info.value(QStringLiteral("counts")).toObject().value(QStringLiteral("Observation")).toInt();
    REQUIRE(expected > 1000);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));

    QSet<QString> ids;
    QStringList order;
    QUrl next = f.fhir(QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_count=250"));
    int pages = 0;
    while (next.isValid() && !next.isEmpty()) {
        const Response page = get(next, token);
        REQUIRE(page.status == 200);
        const QJsonObject bundle = page.object();
        CHECK(bundle.value(QStringLiteral("type")).toString() == QLatin1String("searchset"));
        CHECK(bundle.value(QStringLiteral("total")).toInt() == expected);
        for (const auto &e : bundle.value(QStringLiteral("entry")).toArray()) {
            const QJsonObject res = e.toObject().value(QStringLiteral("resource")).toObject();
            CHECK(e.toObject().value(QStringLiteral("search")).toObject().value(QStringLiteral("mode")).toString() == QLatin1String("match"));
            ids.insert(res.value(QStringLiteral("id")).toString());
            order.append(res.value(QStringLiteral("meta")).toObject().value(QStringLiteral("lastUpdated")).toString());
        }
        next = QUrl();
        for (const auto &l : bundle.value(QStringLiteral("link")).toArray())
            if (l.toObject().value(QStringLiteral("relation")).toString() == QLatin1String("next"))
                next = QUrl(l.toObject().value(QStringLiteral("url")).toString());
        if (next.isValid() && !next.isEmpty())
            CHECK(next.toString().startsWith(f.base));
        REQUIRE(++pages < 100);
    }
    CHECK(pages == (expected + 249) / 250);
    CHECK(order.size() == expected);
    CHECK(ids.size() == expected);
    QStringList sorted = order;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == order);

    // _lastUpdated=gt the middle instant returns only the later ones.
    const QString middle = order.at(order.size() / 2);
    const int later = int(std::count_if(order.cbegin(), order.cend(), [&](const QString &v) { return v > middle; }));
    QUrl filtered = f.fhir(QStringLiteral("/Observation"));
    QUrlQuery fq;
    fq.addQueryItem(QStringLiteral("patient"), parentId);
    fq.addQueryItem(QStringLiteral("_lastUpdated"), QStringLiteral("gt") + middle);
    fq.addQueryItem(QStringLiteral("_count"), QStringLiteral("1"));
    filtered.setQuery(fq);
    const Response after = get(filtered, token);
    REQUIRE(after.status == 200);
    CHECK(after.object().value(QStringLiteral("total")).toInt() == later);
    CHECK(later > 0);

    // Touching one resource makes it (and only it) newer than the server's last bundle time.
    const Response before = get(f.fhir(QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_count=1")), token);
    const QString serverTime = before.object().value(QStringLiteral("meta")).toObject().value(QStringLiteral("lastUpdated")).toString();
    const QString touchedId = *ids.cbegin();
    QEventLoop wait;
    QTimer::singleShot(20, &wait, &QEventLoop::quit);
    wait.exec();
    REQUIRE(send("POST", f.url(QStringLiteral("/_sandbox/touch?type=Observation&id=") + touchedId)).status == 200);
    QUrlQuery tq;
    tq.addQueryItem(QStringLiteral("patient"), parentId);
    tq.addQueryItem(QStringLiteral("_lastUpdated"), QStringLiteral("gt") + serverTime);
    QUrl touchedUrl = f.fhir(QStringLiteral("/Observation"));
    touchedUrl.setQuery(tq);
    const QJsonObject changed = get(touchedUrl, token).object();
    REQUIRE(changed.value(QStringLiteral("total")).toInt() == 1);
    const QJsonObject res = changed.value(QStringLiteral("entry")).toArray().at(0).toObject().value(QStringLiteral("resource")).toObject();
    CHECK(res.value(QStringLiteral("id")).toString() == touchedId);
    CHECK(res.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString() == QLatin1String("2"));
}

TEST_CASE("id_token verifies against the JWKS; a tampered one does not", "[sandbox][security]")
{
    Fixture f;
    const QJsonObject jwks = get(f.url(QStringLiteral("/oauth2/jwks"))).object();
    const QJsonObject key = jwks.value(QStringLiteral("keys")).toArray().at(0).toObject();
    CHECK(key.value(QStringLiteral("kty")).toString() == QLatin1String("RSA"));
    CHECK(!key.value(QStringLiteral("n")).toString().contains(QLatin1Char('=')));

    auto tokenResponse = [&] {
        const auto pkce = Fixture::makePkce();
        return f.exchange(f.code(pkce, QStringLiteral("parent"), kLoopback), pkce.verifier, kLoopback).object();
    };
    const QByteArray idToken = tokenResponse().value(QStringLiteral("id_token")).toString().toLatin1();
    REQUIRE(verifyJwt(idToken, jwks));
    const QJsonObject claims = jwtPayload(idToken);
    CHECK(claims.value(QStringLiteral("iss")).toString() == f.base);
    CHECK(claims.value(QStringLiteral("aud")).toString() == QLatin1String("hearth"));
    CHECK(claims.value(QStringLiteral("sub")).toString() == QLatin1String("parent"));
    CHECK(claims.value(QStringLiteral("nonce")).toString() == QLatin1String("nonce-123"));
    CHECK(claims.value(QStringLiteral("fhirUser")).toString().startsWith(QLatin1String("Patient/")));
    CHECK(claims.value(QStringLiteral("exp")).toInteger() > claims.value(QStringLiteral("iat")).toInteger());

    REQUIRE(send("POST", f.url(QStringLiteral("/_sandbox/faults?mode=tampered-id-token"))).status == 200);
    const QByteArray tampered = tokenResponse().value(QStringLiteral("id_token")).toString().toLatin1();
    CHECK(!verifyJwt(tampered, jwks));
    CHECK(verifyJwt(tokenResponse().value(QStringLiteral("id_token")).toString().toLatin1(), jwks)); // only once
}

TEST_CASE("same seed gives byte-identical pages; a different seed does not", "[sandbox]")
{
    auto firstPage = [](Fixture &f) {
        const QString parentId = f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("id")).toString();
        QByteArray body = get(f.fhir(QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_count=200")),
                              f.accessToken(QStringLiteral("parent"))).body;
        // Only the server's address and its clock may differ.
        body.replace(f.base.toLatin1(), "BASE");
        return QString::fromLatin1(body)
            .remove(QRegularExpression(QStringLiteral("^\\{[^\\[]*\"meta\":\\{\"lastUpdated\":\"[^\"]*\"\\}")))
            .remove(QRegularExpression(QStringLiteral("_snapshot=\\d+")));
    };
    Fixture a(7), b(7), c(8);
    const QString pageA = firstPage(a);
    CHECK(pageA.size() > 10000);
    CHECK(pageA == firstPage(b));
    CHECK(pageA != firstPage(c));
}

TEST_CASE("fault switch fails page 2 once", "[sandbox][fault]")
{
    Fixture f;
    const QString parentId = f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("id")).toString();
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    REQUIRE(send("POST", f.url(QStringLiteral("/_sandbox/faults?type=Observation&page=2&mode=http-500&times=1"))).status == 200);
    REQUIRE(send("DELETE", f.url(QStringLiteral("/_sandbox/requests"))).status == 200);
    const QString query = QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_count=100");
    const Response first = get(f.fhir(query), token);
    CHECK(first.status == 200);
    const QUrl second = nextLink(first.object());
    REQUIRE(!second.isEmpty());
    const Response failed = get(second, token);
    CHECK(failed.status == 500);
    CHECK(failed.object().value(QStringLiteral("resourceType")).toString() == QLatin1String("OperationOutcome"));
    CHECK(get(second, token).status == 200);

    REQUIRE(send("POST", f.url(QStringLiteral("/_sandbox/faults?type=Observation&page=1&mode=http-429"))).status == 200);
    const Response throttled = get(f.fhir(query), token);
    CHECK(throttled.status == 429);
    CHECK(throttled.headers.value("retry-after") == "1");

    const QJsonObject counters = get(f.url(QStringLiteral("/_sandbox/requests"))).object();
    CHECK(counters.value(QStringLiteral("total")).toInt() == 4);
    CHECK(counters.value(QStringLiteral("byType")).toObject().value(QStringLiteral("Observation")).toInt() == 4);
}

TEST_CASE("hearth-sandbox binary prints its URL first", "[sandbox]")
{
    QProcess process;
    process.start(QStringLiteral(HEARTH_BIN_DIR "/hearth-sandbox"), {QStringLiteral("--port"), QStringLiteral("0"),
                                                                     QStringLiteral("--seed"), QStringLiteral("3")});
    REQUIRE(process.waitForStarted(10000));
    QByteArray line;
    for (int i = 0; i < 100 && !line.contains('\n'); ++i) {
        process.waitForReadyRead(300);
        line += process.readAllStandardOutput();
    }
    line = line.left(line.indexOf('\n'));
    CHECK(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+/fhir/R4$")).match(QString::fromLatin1(line)).hasMatch());
    const Response meta = get(QUrl(QString::fromLatin1(line) + QStringLiteral("/metadata")));
    CHECK(meta.status == 200);
    process.kill();
    process.waitForFinished(5000);
}

TEST_CASE("synthetic family is plausible and deterministic", "[sandbox]")
{
    CHECK(hearth::sandbox::isValidNhsNumber(QStringLiteral("9434765919")));  // published example
    CHECK_FALSE(hearth::sandbox::isValidNhsNumber(QStringLiteral("9434765918")));

    Fixture f(42);
    const QJsonArray people = QJsonDocument::fromJson(get(f.url(QStringLiteral("/_sandbox/patients"))).body).array();
    REQUIRE(people.size() == 3);
    QSet<QString> nhsNumbers;
    for (const auto &v : people) {
        const QJsonObject p = v.toObject();
        CHECK(p.value(QStringLiteral("family")).toString() == QLatin1String("Ashworth-Okafor"));
        const QString nhs = p.value(QStringLiteral("nhsNumber")).toString();
        CHECK(nhs.startsWith(QLatin1String("999")));
        CHECK(hearth::sandbox::isValidNhsNumber(nhs));
        nhsNumbers.insert(nhs);
    }
    CHECK(nhsNumbers.size() == 3);
    const QDate reference(2026, 11, 1);
    auto ageOf = [&](int i) {
        const QDate born = QDate::fromString(people.at(i).toObject().value(QStringLiteral("birthDate")).toString(), Qt::ISODate);
        int age = reference.year() - born.year();
        if (QDate(reference.year(), born.month(), born.day()) > reference)
            --age;
        return age;
    };
    CHECK(ageOf(0) >= 40);
    CHECK(ageOf(0) <= 44);
    CHECK(ageOf(1) == 14);
    CHECK(ageOf(2) == 7);
    const QJsonObject counts = people.at(0).toObject().value(QStringLiteral("counts")).toObject();
    CHECK(counts.value(QStringLiteral("Observation")).toInt() >= 1000);
    CHECK(counts.value(QStringLiteral("Condition")).toInt() >= 20);
    CHECK(counts.value(QStringLiteral("MedicationRequest")).toInt() >= 25);
    CHECK(counts.value(QStringLiteral("Immunization")).toInt() >= 15);
    CHECK(counts.value(QStringLiteral("AllergyIntolerance")).toInt() >= 3);
    CHECK(counts.value(QStringLiteral("Encounter")).toInt() >= 100);

    // Scale multiplies the parent's history only.
    SandboxServer doubled(hearth::sandbox::SandboxOptions{42, 2, 3600});
    REQUIRE(doubled.listen(0));
    const QString origin2 = doubled.fhirBaseUrl().toString().chopped(int(qstrlen("/fhir/R4")));
    const QJsonArray people2 = QJsonDocument::fromJson(get(QUrl(origin2 + QStringLiteral("/_sandbox/patients"))).body).array();
    const QJsonObject counts2 = people2.at(0).toObject().value(QStringLiteral("counts")).toObject();
    CHECK(counts2.value(QStringLiteral("Observation")).toInt() > counts.value(QStringLiteral("Observation")).toInt() * 3 / 2);
    CHECK(counts2.value(QStringLiteral("Condition")) == counts.value(QStringLiteral("Condition")));
    CHECK(people2.at(1).toObject().value(QStringLiteral("counts")) == people.at(1).toObject().value(QStringLiteral("counts")));
}

// ---- fault switches, withdrawals, keyset paging and conditional writes ----

namespace {

QString parentIdOf(const Fixture &f) { return f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("id")).toString(); }

Response post(const Fixture &f, const QString &pathAndQuery) { return send("POST", f.url(pathAndQuery)); }

QByteArray taskBody(const QString &patientId, const QString &identifier)
{
    const QJsonObject task{
        {QStringLiteral("resourceType"), QStringLiteral("Task")},
        {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:hearth:client")},
                                                              {QStringLiteral("value"), identifier}}}},
        {QStringLiteral("status"), QStringLiteral("requested")},
        {QStringLiteral("intent"), QStringLiteral("order")},
        {QStringLiteral("for"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patientId}}}};
    return QJsonDocument(task).toJson(QJsonDocument::Compact);
}

Response createTask(const Fixture &f, const QByteArray &token, const QString &patientId, const QString &identifier)
{
    return send("POST", f.fhir(QStringLiteral("/Task")), token, taskBody(patientId, identifier), "application/fhir+json",
                {{"If-None-Exist", "identifier=urn:hearth:client|" + identifier.toUtf8()}});
}

void pause(int ms)
{
    QEventLoop wait;
    QTimer::singleShot(ms, &wait, &QEventLoop::quit);
    wait.exec();
}

} // namespace

TEST_CASE("keyset paging stays consistent when a later entry changes mid-way", "[sandbox][fault]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QString first = QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_count=100");

    // The full list, to know which resource sits on page 3.
    QStringList all;
    for (QUrl next = f.fhir(first.left(first.indexOf(QLatin1Char('&'))) + QStringLiteral("&_count=1000")); !next.isEmpty();) {
        const QJsonObject b = get(next, token).object();
        all += entryIds(b);
        next = nextLink(b);
    }
    REQUIRE(all.size() > 300);
    const QString onPage3 = all.at(250);
    const QString onPage1 = all.at(10); // under offset paging this one shifts page 3 and loses an entry

    const QJsonObject p1 = get(f.fhir(first), token).object();
    const QString snapshot = p1.value(QStringLiteral("meta")).toObject().value(QStringLiteral("lastUpdated")).toString();
    const int total = p1.value(QStringLiteral("total")).toInt();
    CHECK(total == all.size());
    QStringList seen = entryIds(p1);
    const QJsonObject p2 = get(nextLink(p1), token).object();
    seen += entryIds(p2);
    pause(5);
    REQUIRE(post(f, QStringLiteral("/_sandbox/touch?type=Observation&id=") + onPage3).status == 200);
    REQUIRE(post(f, QStringLiteral("/_sandbox/touch?type=Observation&id=") + onPage1).status == 200);
    QUrl next = nextLink(p2);
    int pages = 2;
    while (!next.isEmpty()) {
        const QJsonObject b = get(next, token).object();
        CHECK(b.value(QStringLiteral("meta")).toObject().value(QStringLiteral("lastUpdated")).toString() == snapshot);
        CHECK(b.value(QStringLiteral("total")).toInt() == total);
        seen += entryIds(b);
        next = nextLink(b);
        REQUIRE(++pages < 50);
    }
    // Every untouched resource exactly once; the touched one is left to the next incremental sync.
    QStringList expected = all;
    expected.removeAll(onPage3);
    expected.removeAll(onPage1);
    QStringList sortedSeen = seen;
    sortedSeen.removeAll(onPage3);
    sortedSeen.removeAll(onPage1);
    std::sort(expected.begin(), expected.end());
    std::sort(sortedSeen.begin(), sortedSeen.end());
    CHECK(sortedSeen == expected);
    CHECK(QSet<QString>(seen.cbegin(), seen.cend()).size() == seen.size());

    QUrlQuery later;
    later.addQueryItem(QStringLiteral("patient"), parentId);
    later.addQueryItem(QStringLiteral("_lastUpdated"), QStringLiteral("gt") + snapshot);
    QUrl laterUrl = f.fhir(QStringLiteral("/Observation"));
    laterUrl.setQuery(later);
    QStringList changed = entryIds(get(laterUrl, token).object());
    changed.sort();
    QStringList touched{onPage3, onPage1};
    touched.sort();
    CHECK(changed == touched);
}

TEST_CASE("429 with an HTTP-date Retry-After", "[sandbox][fault]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    REQUIRE(post(f, QStringLiteral("/_sandbox/faults?mode=http-429&retry-after=date")).status == 200);
    const Response r = get(f.fhir(QStringLiteral("/Condition?patient=") + parentIdOf(f)), token);
    CHECK(r.status == 429);
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(r.headers.value("retry-after")),
                                                   QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    REQUIRE(when.isValid());
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    const qint64 ahead = utc.toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch();
    CHECK(ahead >= 1);
    CHECK(ahead <= 2);
}

TEST_CASE("latency delays one response without blocking others", "[sandbox][fault]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QString parentId = parentIdOf(f);
    REQUIRE(post(f, QStringLiteral("/_sandbox/faults?type=Condition&mode=latency&ms=400")).status == 200);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *slow = start("GET", f.fhir(QStringLiteral("/Condition?patient=") + parentId), token);
    pause(50); // the slow request reaches the server first
    const Response quick = get(f.fhir(QStringLiteral("/AllergyIntolerance?patient=") + parentId), token);
    CHECK(quick.status == 200);
    CHECK(!slow->isFinished());
    CHECK(clock.elapsed() < 350);
    const Response delayed = finish(slow);
    CHECK(delayed.status == 200);
    CHECK(clock.elapsed() >= 400);
    CHECK(delayed.object().value(QStringLiteral("resourceType")).toString() == QLatin1String("Bundle"));
}

TEST_CASE("401 fault, expired tokens and revoked users", "[sandbox][fault][security]")
{
    Fixture f;
    const auto pkce = Fixture::makePkce();
    const QJsonObject tokens = f.exchange(f.code(pkce, QStringLiteral("parent"), kLoopback), pkce.verifier, kLoopback).object();
    const QByteArray access = tokens.value(QStringLiteral("access_token")).toString().toLatin1();
    const QString refreshToken = tokens.value(QStringLiteral("refresh_token")).toString();
    const QByteArray teen = f.accessToken(QStringLiteral("teen"));
    const QUrl patients = f.fhir(QStringLiteral("/Patient"));
    auto refresh = [&](const QString &t) {
        return send("POST", f.url(QStringLiteral("/oauth2/token")), {},
                    "grant_type=refresh_token&client_id=hearth&refresh_token=" + QUrl::toPercentEncoding(t));
    };

    REQUIRE(post(f, QStringLiteral("/_sandbox/faults?mode=http-401&type=Patient")).status == 200);
    const Response injected = get(patients, access);
    CHECK(injected.status == 401);
    CHECK(injected.headers.value("www-authenticate").contains("error=\"invalid_token\""));
    CHECK(get(patients, access).status == 200); // once

    REQUIRE(post(f, QStringLiteral("/_sandbox/expire-tokens?user=parent")).status == 200);
    const Response expired = get(patients, access);
    CHECK(expired.status == 401);
    CHECK(expired.headers.value("www-authenticate").contains("error=\"invalid_token\""));
    CHECK(get(patients, teen).status == 200); // other users untouched
    const Response renewed = refresh(refreshToken);
    REQUIRE(renewed.status == 200);
    const QByteArray access2 = renewed.object().value(QStringLiteral("access_token")).toString().toLatin1();
    CHECK(get(patients, access2).status == 200);

    REQUIRE(post(f, QStringLiteral("/_sandbox/revoke?user=parent")).status == 200);
    CHECK(get(patients, access2).status == 401);
    const Response refused = refresh(renewed.object().value(QStringLiteral("refresh_token")).toString());
    CHECK(refused.status == 400);
    CHECK(refused.object().value(QStringLiteral("error")).toString() == QLatin1String("invalid_grant"));
    CHECK(get(patients, teen).status == 200);
}

TEST_CASE("truncated body and reset break the transfer", "[sandbox][fault]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QUrl url = f.fhir(QStringLiteral("/Observation?patient=") + parentIdOf(f) + QStringLiteral("&_count=200"));
    const Response whole = get(url, token);
    REQUIRE(whole.status == 200);

    REQUIRE(post(f, QStringLiteral("/_sandbox/faults?type=Observation&mode=truncated-body")).status == 200);
    // What the client can rely on is the byte count: Qt 6.4 sometimes finishes a reply cut short by
    // a FIN without an error (ApiClient checks Content-Length for that reason).
    const Response cut = get(url, token);
    CHECK(cut.headers.value("content-length").toLongLong() > cut.body.size());
    CHECK(cut.body.size() < whole.body.size());

    // A reset can reach the client before it has read any of the half body; the kernel then drops
    // what was buffered and Qt silently resends the GET on a new connection. Arm the fault for those
    // resends too, so every attempt is reset, then clear it.
    REQUIRE(post(f, QStringLiteral("/_sandbox/faults?type=Observation&mode=reset&times=3")).status == 200);
    const Response reset = get(url, token);
    CHECK(reset.body.size() < whole.body.size());
    REQUIRE(send("DELETE", f.url(QStringLiteral("/_sandbox/faults"))).status == 200);

    CHECK(get(url, token).status == 200); // the server is still serving
}

TEST_CASE("duplicate-page and foreign-patient pages", "[sandbox][fault]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QString teenId = f.patientInfo(QStringLiteral("teen")).value(QStringLiteral("id")).toString();
    const QByteArray parent = f.accessToken(QStringLiteral("parent"));
    const QUrl firstUrl = f.fhir(QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_count=100"));

    REQUIRE(post(f, QStringLiteral("/_sandbox/faults?type=Observation&page=2&mode=duplicate-page")).status == 200);
    const QJsonObject p1 = get(firstUrl, parent).object();
    const QJsonObject p2 = get(nextLink(p1), parent).object();
    CHECK(entryIds(p2) == entryIds(p1));
    // Paging goes on after the repeated entries: the page after the duplicate is the real page 2,
    // so a client that follows the links sees every entry, some twice, none lost.
    const QJsonObject afterDuplicate = get(nextLink(p2), parent).object();
    const QJsonObject realPage2 = get(nextLink(p1), parent).object();
    CHECK(entryIds(realPage2) != entryIds(p1));
    CHECK(entryIds(afterDuplicate) == entryIds(realPage2));

    const QByteArray teen = f.accessToken(QStringLiteral("teen"));
    const QUrl teenUrl = f.fhir(QStringLiteral("/Condition?patient=") + teenId);
    const int normal = int(get(teenUrl, teen).object().value(QStringLiteral("entry")).toArray().size());
    REQUIRE(post(f, QStringLiteral("/_sandbox/faults?type=Condition&mode=foreign-patient")).status == 200);
    const QJsonArray entries = get(teenUrl, teen).object().value(QStringLiteral("entry")).toArray();
    CHECK(entries.size() == normal + 1);
    int foreign = 0;
    for (const auto &e : entries) {
        const QString subject = e.toObject().value(QStringLiteral("resource")).toObject().value(QStringLiteral("subject"))
                                    .toObject().value(QStringLiteral("reference")).toString();
        if (subject != QStringLiteral("Patient/") + teenId)
            ++foreign;
    }
    CHECK(foreign == 1);
}

TEST_CASE("withdrawals: delete and entered-in-error", "[sandbox]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const int conditions = f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("counts")).toObject()
                               .value(QStringLiteral("Condition")).toInt();
    const QUrl search = f.fhir(QStringLiteral("/Condition?patient=") + parentId + QStringLiteral("&_count=1000"));
    const QStringList ids = entryIds(get(search, token).object());
    REQUIRE(ids.size() == conditions);
    REQUIRE(ids.size() >= 2);

    REQUIRE(post(f, QStringLiteral("/_sandbox/withdraw?type=Condition&how=delete&id=") + ids.at(0)).status == 200);
    const Response gone = get(f.fhir(QStringLiteral("/Condition/") + ids.at(0)), token);
    CHECK(gone.status == 410);
    CHECK(gone.object().value(QStringLiteral("resourceType")).toString() == QLatin1String("OperationOutcome"));
    const QJsonObject after = get(search, token).object();
    CHECK(!entryIds(after).contains(ids.at(0)));
    CHECK(after.value(QStringLiteral("total")).toInt() == conditions - 1);
    CHECK(f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("counts")).toObject().value(QStringLiteral("Condition")).toInt()
          == conditions - 1);

    const QString cursor = after.value(QStringLiteral("meta")).toObject().value(QStringLiteral("lastUpdated")).toString();
    pause(5);
    REQUIRE(post(f, QStringLiteral("/_sandbox/withdraw?type=Condition&how=entered-in-error&id=") + ids.at(1)).status == 200);
    const QJsonObject marked = get(f.fhir(QStringLiteral("/Condition/") + ids.at(1)), token).object();
    CHECK(marked.value(QStringLiteral("verificationStatus")).toObject().value(QStringLiteral("coding")).toArray().at(0)
              .toObject().value(QStringLiteral("code")).toString() == QLatin1String("entered-in-error"));
    CHECK(!marked.contains(QStringLiteral("clinicalStatus")));
    CHECK(marked.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString() == QLatin1String("2"));
    CHECK(f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("counts")).toObject().value(QStringLiteral("Condition")).toInt()
          == conditions - 1);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("patient"), parentId);
    q.addQueryItem(QStringLiteral("_lastUpdated"), QStringLiteral("gt") + cursor);
    QUrl changed = f.fhir(QStringLiteral("/Condition"));
    changed.setQuery(q);
    CHECK(entryIds(get(changed, token).object()) == QStringList{ids.at(1)});

    // Other types use status.
    const QString obs = entryIds(get(f.fhir(QStringLiteral("/Observation?patient=") + parentId + QStringLiteral("&_count=1")), token).object()).value(0);
    REQUIRE(post(f, QStringLiteral("/_sandbox/withdraw?type=Observation&how=entered-in-error&id=") + obs).status == 200);
    CHECK(get(f.fhir(QStringLiteral("/Observation/") + obs), token).object().value(QStringLiteral("status")).toString()
          == QLatin1String("entered-in-error"));
    CHECK(post(f, QStringLiteral("/_sandbox/withdraw?type=Condition&how=delete&id=no-such")).status == 404);
    CHECK(post(f, QStringLiteral("/_sandbox/withdraw?type=Condition&how=hide&id=") + ids.at(2 % ids.size())).status == 400);
}

TEST_CASE("_elements=id and _summary=count", "[sandbox]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QString base = QStringLiteral("/Immunization?patient=") + parentId;
    const QJsonObject full = get(f.fhir(base), token).object();
    const QJsonObject slim = get(f.fhir(base + QStringLiteral("&_elements=id")), token).object();
    CHECK(entryIds(slim) == entryIds(full));
    REQUIRE(!entryIds(slim).isEmpty());
    const QJsonObject first = slim.value(QStringLiteral("entry")).toArray().at(0).toObject().value(QStringLiteral("resource")).toObject();
    QStringList keys = first.keys();
    keys.sort();
    CHECK(keys == QStringList{QStringLiteral("id"), QStringLiteral("meta"), QStringLiteral("resourceType")});
    CHECK(first.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString() == QLatin1String("1"));

    const QJsonObject counted = get(f.fhir(base + QStringLiteral("&_summary=count")), token).object();
    CHECK(counted.value(QStringLiteral("total")).toInt() == full.value(QStringLiteral("total")).toInt());
    CHECK(!counted.contains(QStringLiteral("entry")));
    CHECK(get(f.fhir(base + QStringLiteral("&_elements=status")), token).status == 400);
}

TEST_CASE("conditional create of Task and Communication", "[sandbox]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    REQUIRE(send("DELETE", f.url(QStringLiteral("/_sandbox/requests"))).status == 200);

    const Response created = createTask(f, token, parentId, QStringLiteral("client-1"));
    REQUIRE(created.status == 201);
    const QJsonObject task = created.object();
    const QString id = task.value(QStringLiteral("id")).toString();
    CHECK(!id.isEmpty());
    CHECK(task.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString() == QLatin1String("1"));
    CHECK(created.headers.value("location") == (f.base + QStringLiteral("/Task/") + id + QStringLiteral("/_history/1")).toUtf8());

    const Response again = createTask(f, token, parentId, QStringLiteral("client-1"));
    CHECK(again.status == 200);
    CHECK(again.object().value(QStringLiteral("id")).toString() == id);
    CHECK(createTask(f, token, parentId, QStringLiteral("client-2")).status == 201);

    const QJsonObject resources = get(f.url(QStringLiteral("/_sandbox/resources?type=Task"))).object();
    CHECK(resources.value(QStringLiteral("count")).toInt() == 2);
    CHECK(resources.value(QStringLiteral("ids")).toArray().contains(id));
    CHECK(get(f.fhir(QStringLiteral("/Task/") + id), token).object().value(QStringLiteral("id")).toString() == id);
    CHECK(entryIds(get(f.fhir(QStringLiteral("/Task?patient=") + parentId), token).object()).size() == 2);
    CHECK(f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("counts")).toObject().value(QStringLiteral("Task")).toInt() == 2);

    const QJsonObject message{{QStringLiteral("resourceType"), QStringLiteral("Communication")},
                              {QStringLiteral("status"), QStringLiteral("completed")},
                              {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + parentId}}}};
    const Response comm = send("POST", f.fhir(QStringLiteral("/Communication")), token,
                               QJsonDocument(message).toJson(QJsonDocument::Compact), "application/fhir+json");
    CHECK(comm.status == 201);
    CHECK(entryIds(get(f.fhir(QStringLiteral("/Communication?patient=") + parentId), token).object()).size() == 1);

    // Errors: bad body, a patient the token may not see, no token.
    CHECK(send("POST", f.fhir(QStringLiteral("/Task")), token, "{not json", "application/fhir+json").status == 400);
    CHECK(send("POST", f.fhir(QStringLiteral("/Task")), token, "{\"resourceType\":\"Task\"}", "application/fhir+json").status == 400);
    const QByteArray teen = f.accessToken(QStringLiteral("teen"));
    CHECK(createTask(f, teen, parentId, QStringLiteral("client-3")).status == 403);
    CHECK(createTask(f, {}, parentId, QStringLiteral("client-4")).status == 401);
    CHECK(get(f.url(QStringLiteral("/_sandbox/resources?type=Task"))).object().value(QStringLiteral("count")).toInt() == 2);

    const QJsonObject counters = get(f.url(QStringLiteral("/_sandbox/requests"))).object();
    CHECK(counters.value(QStringLiteral("byType")).toObject().value(QStringLiteral("POST Task")).toInt() == 7);
    CHECK(counters.value(QStringLiteral("byType")).toObject().value(QStringLiteral("POST Communication")).toInt() == 1);
}

TEST_CASE("drop-response commits the write; the retry finds it", "[sandbox][fault]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    // times=3: QNetworkAccessManager itself resends a request (twice) when the connection closes before any
    // response byte, so only the third drop reaches the caller. Each resend is deduplicated by If-None-Exist.
    REQUIRE(post(f, QStringLiteral("/_sandbox/faults?type=Task&mode=drop-response&times=3")).status == 200);
    const Response lost = createTask(f, token, parentId, QStringLiteral("outbox-9"));
    CHECK(lost.error != QNetworkReply::NoError);
    CHECK(lost.status == 0);
    const QJsonObject stored = get(f.url(QStringLiteral("/_sandbox/resources?type=Task"))).object();
    REQUIRE(stored.value(QStringLiteral("count")).toInt() == 1);

    const Response retry = createTask(f, token, parentId, QStringLiteral("outbox-9"));
    CHECK(retry.status == 200);
    CHECK(retry.object().value(QStringLiteral("id")) == stored.value(QStringLiteral("ids")).toArray().at(0));
    CHECK(get(f.url(QStringLiteral("/_sandbox/resources?type=Task"))).object().value(QStringLiteral("count")).toInt() == 1);
}
