#include "SandboxServer.h"

#include "AuthServer.h"
#include "ResourceStore.h"
#include "SyntheticFamily.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace hearth::sandbox {

namespace {

const QByteArray kFhirJson = QByteArrayLiteral("application/fhir+json; charset=utf-8");
const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kHtml = QByteArrayLiteral("text/html; charset=utf-8");
const QString kFhirPrefix = QStringLiteral("/fhir/R4");

const QStringList &resourceTypes()
{
    static const QStringList types{QStringLiteral("Patient"),           QStringLiteral("AllergyIntolerance"),
                                   QStringLiteral("MedicationRequest"), QStringLiteral("Condition"),
                                   QStringLiteral("Immunization"),      QStringLiteral("Observation"),
                                   QStringLiteral("DiagnosticReport"),  QStringLiteral("Encounter")};
    return types;
}

using Pairs = QList<QPair<QString, QString>>;

struct Reply
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

Reply outcome(int status, const char *code, const QString &diagnostics)
{
    const QJsonObject issue{{QStringLiteral("severity"), status >= 500 ? QStringLiteral("fatal") : QStringLiteral("error")},
                            {QStringLiteral("code"), QString::fromLatin1(code)},
                            {QStringLiteral("diagnostics"), diagnostics}};
    const QJsonObject oo{{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
                         {QStringLiteral("issue"), QJsonArray{issue}}};
    return {status, kFhirJson, QJsonDocument(oo).toJson(QJsonDocument::Compact), {}};
}

Reply json(const QJsonDocument &doc, int status = 200, const QByteArray &type = kJson)
{
    return {status, type, doc.toJson(QJsonDocument::Compact), {}};
}

QString nowInstant() { return formatInstant(QDateTime::currentMSecsSinceEpoch(), true); }

QByteArray encodeQuery(const Pairs &pairs)
{
    QByteArray out;
    for (const auto &[key, value] : pairs) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

Pairs decodeForm(QByteArray body)
{
    body.replace('+', "%20"); // x-www-form-urlencoded spaces
    return QUrlQuery(QString::fromUtf8(body)).queryItems(QUrl::FullyDecoded);
}

Params toParams(const Pairs &pairs)
{
    Params p;
    for (const auto &[key, value] : pairs)
        if (!p.contains(key))
            p.insert(key, value);
    return p;
}

// _lastUpdated=[gt|ge|lt|le]INSTANT; the instant must carry a time zone.
bool parseLastUpdated(const QString &raw, std::function<bool(qint64)> &test)
{
    QString prefix = raw.left(2);
    QString value = raw.mid(2);
    if (prefix != QLatin1String("gt") && prefix != QLatin1String("ge") && prefix != QLatin1String("lt")
        && prefix != QLatin1String("le")) {
        prefix = QStringLiteral("eq");
        value = raw;
    }
    value.replace(QLatin1Char(' '), QLatin1Char('+')); // a '+' that a client left unencoded
    const bool hasZone = value.endsWith(QLatin1Char('Z'))
        || (value.size() > 6 && (value.at(value.size() - 6) == u'+' || value.at(value.size() - 6) == u'-')
            && value.at(value.size() - 3) == u':');
    const QDateTime when = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!hasZone || !value.contains(QLatin1Char('T')) || !when.isValid())
        return false;
    const qint64 ms = when.toMSecsSinceEpoch();
    if (prefix == QLatin1String("gt"))
        test = [ms](qint64 v) { return v > ms; };
    else if (prefix == QLatin1String("ge"))
        test = [ms](qint64 v) { return v >= ms; };
    else if (prefix == QLatin1String("lt"))
        test = [ms](qint64 v) { return v < ms; };
    else if (prefix == QLatin1String("le"))
        test = [ms](qint64 v) { return v <= ms; };
    else
        test = [ms](qint64 v) { return v == ms; };
    return true;
}

struct Fault
{
    QString type; // empty = any type
    int page = 0; // 0 = any page
    QString mode;
    int times = 1;
};

} // namespace

struct SandboxServer::Impl
{
    SandboxOptions options;
    QHttpServer http;
    ResourceStore store;
    QList<FamilyMember> family;
    std::unique_ptr<AuthServer> auth;
    quint16 port = 0;
    QString origin;   // http://127.0.0.1:PORT
    QString fhirBase; // origin + /fhir/R4
    QByteArray capabilityStatement;
    QByteArray smartConfiguration;
    QList<Fault> faults;
    int requestTotal = 0;
    QHash<QString, int> requestsByType;

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Reply route(const QHttpServerRequest &request);
    Reply fhir(const QHttpServerRequest &request, const QString &path);
    Reply search(const QString &type, const Pairs &query, const DemoUser &user);
    Reply read(const QString &type, const QString &id, const DemoUser &user);
    Reply control(const QHttpServerRequest &request, const QString &path);
    bool takeFault(const QString &type, int page, QString *mode);
    void buildDiscovery();
};

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    d->options = options;
    d->family = buildSyntheticFamily(options.seed, std::max(1, options.scale), d->store);
    const FamilyMember &parentMember = d->family.at(0);
    const FamilyMember &teen = d->family.at(1);
    QStringList everyone;
    for (const FamilyMember &m : std::as_const(d->family))
        everyone.append(m.id);
    d->auth = std::make_unique<AuthServer>(
        QList<DemoUser>{{QStringLiteral("parent"), QStringLiteral("Sarah (parent, also sees both children)"),
                         parentMember.id, everyone},
                        {QStringLiteral("teen"), QStringLiteral("Daniel (aged 14)"), teen.id, {teen.id}}},
        options.accessTokenLifetimeSeconds);
    d->http.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        d->handle(request, std::move(responder));
    });
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(quint16 port)
{
    const quint16 bound = d->http.listen(QHostAddress::LocalHost, port);
    if (bound == 0)
        return false;
    d->port = bound;
    d->origin = QStringLiteral("http://127.0.0.1:%1").arg(bound);
    d->fhirBase = d->origin + kFhirPrefix;
    d->auth->setFhirBase(d->fhirBase);
    d->buildDiscovery();
    return true;
}

quint16 SandboxServer::port() const { return d->port; }

QUrl SandboxServer::fhirBaseUrl() const { return QUrl(d->fhirBase); }

void SandboxServer::Impl::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const Reply reply = route(request);
    QHttpServerResponse response(reply.contentType.isEmpty() ? QByteArrayLiteral("text/plain") : reply.contentType,
                                 reply.body, static_cast<QHttpServerResponder::StatusCode>(reply.status));
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.write(std::move(responder));
}

Reply SandboxServer::Impl::route(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const auto method = request.method();
    if (path == kFhirPrefix || path.startsWith(kFhirPrefix + QLatin1Char('/')))
        return fhir(request, path.mid(kFhirPrefix.size()));
    if (path.startsWith(QLatin1String("/_sandbox/")))
        return control(request, path);
    if (path == QLatin1String("/oauth2/authorize")
        && (method == QHttpServerRequest::Method::Get || method == QHttpServerRequest::Method::Post)) {
        const bool post = method == QHttpServerRequest::Method::Post;
        const Params params = toParams(post ? decodeForm(request.body())
                                            : QUrlQuery(request.url()).queryItems(QUrl::FullyDecoded));
        const AuthorizeOutcome out = auth->authorize(params, post ? params.value(QStringLiteral("user")) : QString());
        if (post && params.value(QStringLiteral("user")).isEmpty() && out.kind == AuthorizeOutcome::Kind::SignInPage)
            return {out.status, kHtml, out.html, {}};
        if (out.kind == AuthorizeOutcome::Kind::Redirect)
            return {302, kHtml, QByteArray(), {{QByteArrayLiteral("Location"), out.location}}};
        return {out.status, kHtml, out.html, {}};
    }
    if (path == QLatin1String("/oauth2/token")) {
        if (method != QHttpServerRequest::Method::Post)
            return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")}}), 405);
        const TokenReply tr = auth->token(toParams(decodeForm(request.body())));
        Reply r = json(QJsonDocument(tr.body), tr.status);
        r.headers.append({QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")});
        return r;
    }
    if (path == QLatin1String("/oauth2/jwks") && method == QHttpServerRequest::Method::Get)
        return json(QJsonDocument(auth->signer().jwks()));
    return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")}}), 404);
}

static QString headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(value);
    return {};
}

Reply SandboxServer::Impl::fhir(const QHttpServerRequest &request, const QString &path)
{
    if (request.method() != QHttpServerRequest::Method::Get)
        return outcome(405, "not-supported", QStringLiteral("Only GET is supported"));
    if (path == QLatin1String("/metadata"))
        return {200, kFhirJson, capabilityStatement, {}};
    if (path == QLatin1String("/.well-known/smart-configuration") || path == QLatin1String("/.well-known/openid-configuration"))
        return {200, kJson, smartConfiguration, {}};

    const QStringList parts = path.mid(1).split(QLatin1Char('/'));
    if (parts.isEmpty() || parts.size() > 2 || parts.at(0).isEmpty() || (parts.size() == 2 && parts.at(1).isEmpty()))
        return outcome(404, "not-found", QStringLiteral("Unknown path"));
    const QString type = parts.at(0);
    if (!resourceTypes().contains(type))
        return outcome(404, "not-supported", QStringLiteral("Resource type not supported: ") + type);
    ++requestTotal;
    ++requestsByType[type];

    const QString authorization = headerValue(request, QByteArrayLiteral("Authorization"));
    const DemoUser *user = nullptr;
    if (authorization.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        user = auth->userForAccessToken(authorization.mid(7).trimmed());
    if (!user) {
        Reply r = outcome(401, "login", QStringLiteral("A valid bearer access token is required"));
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                          authorization.isEmpty() ? QByteArrayLiteral("Bearer realm=\"hearth-sandbox\"")
                                                  : QByteArrayLiteral("Bearer realm=\"hearth-sandbox\", error=\"invalid_token\"")});
        return r;
    }
    if (parts.size() == 2)
        return read(type, parts.at(1), *user);
    return search(type, QUrlQuery(request.url()).queryItems(QUrl::FullyDecoded), *user);
}

Reply SandboxServer::Impl::read(const QString &type, const QString &id, const DemoUser &user)
{
    const StoredResource *r = store.find(type, id);
    if (!r)
        return outcome(404, "not-found", type + QLatin1Char('/') + id + QStringLiteral(" is not known"));
    if (!user.visiblePatients.contains(r->patientId))
        return outcome(403, "forbidden", QStringLiteral("You may not see this record"));
    Reply reply{200, kFhirJson, r->json, {}};
    reply.headers.append({QByteArrayLiteral("ETag"), "W/\"" + QByteArray::number(r->versionId) + '"'});
    return reply;
}

bool SandboxServer::Impl::takeFault(const QString &type, int page, QString *mode)
{
    for (qsizetype i = 0; i < faults.size(); ++i) {
        Fault &f = faults[i];
        if (f.mode == QLatin1String("tampered-id-token") || (!f.type.isEmpty() && f.type != type)
            || (f.page != 0 && f.page != page))
            continue;
        *mode = f.mode;
        if (--f.times <= 0)
            faults.removeAt(i);
        return true;
    }
    return false;
}

Reply SandboxServer::Impl::search(const QString &type, const Pairs &query, const DemoUser &user)
{
    QStringList patients;
    std::vector<std::function<bool(qint64)>> filters;
    int count = 50;
    int offset = 0;
    Pairs carried; // everything but the page offset, in request order
    for (const auto &[key, value] : query) {
        if (key == QLatin1String("_getpagesoffset")) {
            bool ok = false;
            offset = value.toInt(&ok);
            if (!ok || offset < 0)
                return outcome(400, "invalid", QStringLiteral("_getpagesoffset must be a non-negative integer"));
            continue;
        }
        carried.append({key, value});
        if (key == QLatin1String("_count")) {
            bool ok = false;
            count = value.toInt(&ok);
            if (!ok || count < 0)
                return outcome(400, "invalid", QStringLiteral("_count must be a non-negative integer"));
            count = std::min(count, 1000);
        } else if (key == QLatin1String("_lastUpdated")) {
            std::function<bool(qint64)> test;
            if (!parseLastUpdated(value, test))
                return outcome(400, "invalid", QStringLiteral("_lastUpdated needs [gt|ge|lt|le] and an instant with a time zone"));
            filters.push_back(std::move(test));
        } else if (type != QLatin1String("Patient") && (key == QLatin1String("patient") || key == QLatin1String("subject"))) {
            QString id = value;
            if (id.startsWith(QLatin1String("Patient/")))
                id = id.mid(8);
            else if (key == QLatin1String("subject") || id.contains(QLatin1Char('/')))
                return outcome(400, "invalid", key + QStringLiteral(" must be a Patient id or Patient/<id>"));
            patients.append(id);
        } else if (type == QLatin1String("Patient") && key == QLatin1String("_id")) {
            patients.append(value);
        } else if (key == QLatin1String("_format")) {
            if (!value.contains(QLatin1String("json")))
                return outcome(400, "not-supported", QStringLiteral("Only JSON is supported"));
        } else {
            return outcome(400, "not-supported", QStringLiteral("Unsupported search parameter: ") + key);
        }
    }
    patients.removeDuplicates();
    if (patients.size() > 1)
        return outcome(400, "invalid", QStringLiteral("Search one patient at a time"));
    if (type != QLatin1String("Patient") && patients.isEmpty())
        return outcome(400, "required", QStringLiteral("The patient search parameter is required"));
    for (const QString &p : std::as_const(patients))
        if (!user.visiblePatients.contains(p))
            return outcome(403, "forbidden", QStringLiteral("You may not see this patient's record"));
    if (patients.isEmpty())
        patients = user.visiblePatients;

    const auto filter = [&filters](qint64 v) {
        for (const auto &f : filters)
            if (!f(v))
                return false;
        return true;
    };
    std::vector<const StoredResource *> matches;
    for (const QString &p : std::as_const(patients)) {
        auto part = store.search(type, p, filter);
        matches.insert(matches.end(), part.begin(), part.end());
    }
    if (patients.size() > 1)
        std::sort(matches.begin(), matches.end(), [](const StoredResource *a, const StoredResource *b) {
            return a->lastUpdatedMs != b->lastUpdatedMs ? a->lastUpdatedMs < b->lastUpdatedMs : a->id < b->id;
        });

    const int total = int(matches.size());
    const int page = count > 0 ? offset / count + 1 : 1;
    QString faultMode;
    const bool faulted = takeFault(type, page, &faultMode);
    if (faulted && faultMode != QLatin1String("malformed-json")) {
        const int status = faultMode == QLatin1String("http-429") ? 429 : faultMode == QLatin1String("http-503") ? 503 : 500;
        Reply r = outcome(status, status == 429 ? "throttled" : status == 503 ? "transient" : "exception",
                          QStringLiteral("Injected fault"));
        if (status != 500)
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        return r;
    }

    // Built from the stored bytes: no per-request JSON tree for the resources.
    const QByteArray typeUrl = fhirBase.toUtf8() + '/' + type.toUtf8();
    QByteArray self = typeUrl;
    QByteArray selfQuery = encodeQuery(carried);
    if (offset > 0)
        selfQuery += (selfQuery.isEmpty() ? "" : "&") + QByteArrayLiteral("_getpagesoffset=") + QByteArray::number(offset);
    if (!selfQuery.isEmpty())
        self += '?' + selfQuery;
    QByteArray body;
    body.reserve(1024 + qsizetype(std::min(count, total)) * 900);
    body += "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"meta\":{\"lastUpdated\":\"" + nowInstant().toLatin1()
        + "\"},\"total\":" + QByteArray::number(total) + ",\"link\":[{\"relation\":\"self\",\"url\":\"" + self + "\"}";
    const int end = std::min(total, offset + count);
    if (end < total && count > 0) {
        QByteArray next = encodeQuery(carried);
        next += (next.isEmpty() ? "" : "&") + QByteArrayLiteral("_getpagesoffset=") + QByteArray::number(end);
        body += ",{\"relation\":\"next\",\"url\":\"" + typeUrl + '?' + next + "\"}";
    }
    body += "],\"entry\":[";
    for (int i = offset; i < end; ++i) {
        const StoredResource *r = matches[size_t(i)];
        if (i > offset)
            body += ',';
        body += "{\"fullUrl\":\"" + typeUrl + '/' + r->id.toUtf8() + "\",\"resource\":" + r->json
            + ",\"search\":{\"mode\":\"match\"}}";
    }
    body += "]}";
    if (faulted) // malformed-json: a body cut off mid-way
        body.truncate(body.size() / 2);
    return {200, kFhirJson, body, {}};
}

Reply SandboxServer::Impl::control(const QHttpServerRequest &request, const QString &path)
{
    const auto method = request.method();
    const QUrlQuery query(request.url());
    auto param = [&query](const char *name) { return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    if (path == QLatin1String("/_sandbox/patients") && method == QHttpServerRequest::Method::Get) {
        QJsonArray out;
        for (const FamilyMember &m : std::as_const(family)) {
            QJsonObject counts;
            for (const QString &type : resourceTypes())
                counts.insert(type, store.count(type, m.id));
            out.append(QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("user"), m.user},
                                   {QStringLiteral("family"), m.family},
                                   {QStringLiteral("given"), m.given},
                                   {QStringLiteral("nhsNumber"), m.nhsNumber},
                                   {QStringLiteral("birthDate"), m.birthDate},
                                   {QStringLiteral("counts"), counts}});
        }
        return json(QJsonDocument(out));
    }
    if (path == QLatin1String("/_sandbox/faults")) {
        if (method == QHttpServerRequest::Method::Delete) {
            faults.clear();
            auth->clearFaults();
            return json(QJsonDocument(QJsonObject{{QStringLiteral("faults"), 0}}));
        }
        if (method == QHttpServerRequest::Method::Post) {
            const QString mode = param("mode");
            if (mode == QLatin1String("tampered-id-token")) {
                auth->tamperNextIdToken();
                return json(QJsonDocument(QJsonObject{{QStringLiteral("mode"), mode}}));
            }
            static const QStringList modes{QStringLiteral("http-500"), QStringLiteral("malformed-json"),
                                           QStringLiteral("http-429"), QStringLiteral("http-503")};
            if (!modes.contains(mode))
                return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown mode")}}), 400);
            Fault f{param("type"), param("page").toInt(), mode, query.hasQueryItem(QStringLiteral("times")) ? param("times").toInt() : 1};
            if (f.times < 1 || f.page < 0 || (!f.type.isEmpty() && !resourceTypes().contains(f.type)))
                return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("bad type, page or times")}}), 400);
            faults.append(f);
            return json(QJsonDocument(QJsonObject{{QStringLiteral("faults"), int(faults.size())}}));
        }
    }
    if (path == QLatin1String("/_sandbox/requests")) {
        if (method == QHttpServerRequest::Method::Delete) {
            requestTotal = 0;
            requestsByType.clear();
        }
        if (method == QHttpServerRequest::Method::Get || method == QHttpServerRequest::Method::Delete) {
            QJsonObject byType;
            for (auto it = requestsByType.constBegin(); it != requestsByType.constEnd(); ++it)
                byType.insert(it.key(), it.value());
            return json(QJsonDocument(QJsonObject{{QStringLiteral("total"), requestTotal}, {QStringLiteral("byType"), byType}}));
        }
    }
    if (path == QLatin1String("/_sandbox/touch") && method == QHttpServerRequest::Method::Post) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!store.touch(param("type"), param("id"), now))
            return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown resource")}}), 404);
        return json(QJsonDocument(QJsonObject{{QStringLiteral("lastUpdated"), formatInstant(now, false)}}));
    }
    return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")}}), 404);
}

void SandboxServer::Impl::buildDiscovery()
{
    const QString authorize = origin + QStringLiteral("/oauth2/authorize");
    const QString token = origin + QStringLiteral("/oauth2/token");
    auto searchParam = [](const char *name, const char *type) {
        return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("type"), QString::fromLatin1(type)}};
    };
    QJsonArray resources;
    for (const QString &type : resourceTypes()) {
        QJsonArray params{searchParam("_lastUpdated", "date"), searchParam("_count", "number")};
        if (type == QLatin1String("Patient")) {
            params.append(searchParam("_id", "token"));
        } else {
            params.append(searchParam("patient", "reference"));
            params.append(searchParam("subject", "reference"));
        }
        resources.append(QJsonObject{{QStringLiteral("type"), type},
                                     {QStringLiteral("interaction"),
                                      QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("read")}},
                                                 QJsonObject{{QStringLiteral("code"), QStringLiteral("search-type")}}}},
                                     {QStringLiteral("searchParam"), params}});
    }
    const QJsonObject oauthUris{
        {QStringLiteral("url"), QStringLiteral("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("authorize")}, {QStringLiteral("valueUri"), authorize}},
                    QJsonObject{{QStringLiteral("url"), QStringLiteral("token")}, {QStringLiteral("valueUri"), token}}}}};
    const QJsonObject security{
        {QStringLiteral("extension"), QJsonArray{oauthUris}},
        {QStringLiteral("service"),
         QJsonArray{QJsonObject{{QStringLiteral("coding"),
                                 QJsonArray{QJsonObject{{QStringLiteral("system"),
                                                         QStringLiteral("http://terminology.hl7.org/CodeSystem/restful-security-service")},
                                                        {QStringLiteral("code"), QStringLiteral("SMART-on-FHIR")}}}}}}}};
    const QJsonObject capability{
        {QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("date"), QStringLiteral("2026-11-01")},
        {QStringLiteral("kind"), QStringLiteral("instance")},
        {QStringLiteral("software"), QJsonObject{{QStringLiteral("name"), QStringLiteral("hearth-sandbox")}}},
        {QStringLiteral("implementation"), QJsonObject{{QStringLiteral("description"), QStringLiteral("Hearth local test server")},
                                                       {QStringLiteral("url"), fhirBase}}},
        {QStringLiteral("fhirVersion"), QStringLiteral("4.0.1")},
        {QStringLiteral("format"), QJsonArray{QStringLiteral("json")}},
        {QStringLiteral("rest"), QJsonArray{QJsonObject{{QStringLiteral("mode"), QStringLiteral("server")},
                                                        {QStringLiteral("security"), security},
                                                        {QStringLiteral("resource"), resources}}}}};
    capabilityStatement = QJsonDocument(capability).toJson(QJsonDocument::Compact);

    const QJsonObject smart{
        {QStringLiteral("issuer"), fhirBase},
        {QStringLiteral("authorization_endpoint"), authorize},
        {QStringLiteral("token_endpoint"), token},
        {QStringLiteral("jwks_uri"), origin + QStringLiteral("/oauth2/jwks")},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("grant_types_supported"), QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")}},
        {QStringLiteral("token_endpoint_auth_methods_supported"), QJsonArray{QStringLiteral("none")}},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("public")}},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("RS256")}},
        {QStringLiteral("scopes_supported"),
         QJsonArray{QStringLiteral("openid"), QStringLiteral("fhirUser"), QStringLiteral("launch/patient"),
                    QStringLiteral("offline_access"), QStringLiteral("patient/*.rs"), QStringLiteral("patient/*.read")}},
        {QStringLiteral("capabilities"),
         QJsonArray{QStringLiteral("launch-standalone"), QStringLiteral("client-public"),
                    QStringLiteral("context-standalone-patient"), QStringLiteral("permission-offline"),
                    QStringLiteral("permission-patient"), QStringLiteral("sso-openid-connect")}}};
    smartConfiguration = QJsonDocument(smart).toJson(QJsonDocument::Compact);
}

} // namespace hearth::sandbox
