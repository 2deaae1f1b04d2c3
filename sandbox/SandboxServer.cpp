#include "SandboxServer.h"

#include "AuthServer.h"
#include "Prescriptions.h"
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
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <optional>
#include <sys/socket.h>

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
                                   QStringLiteral("DiagnosticReport"),  QStringLiteral("Encounter"),
                                   QStringLiteral("Task"),              QStringLiteral("Communication"),
                                   QStringLiteral("DocumentReference"), QStringLiteral("Binary"),
                                   QStringLiteral("Organization"),      QStringLiteral("Location")};
    return types;
}

// Types counted apart in /_sandbox/patients ("documentCounts"), so a client that does not sync documents yet
// can still compare every entry of "counts" with its own store.
bool isDocumentType(const QString &type)
{
    return type == QLatin1String("DocumentReference") || type == QLatin1String("Binary");
}

// The media type of a Content-Type or Accept item, lower case, without parameters.
QByteArray mediaType(const QString &value)
{
    return value.section(QLatin1Char(';'), 0, 0).trimmed().toLower().toLatin1();
}

// Types a client may create (the outbox's writes), and the element that names their patient.
QString patientElement(const QString &type)
{
    if (type == QLatin1String("Task"))
        return QStringLiteral("for");
    if (type == QLatin1String("Communication"))
        return QStringLiteral("subject");
    return {};
}

using Pairs = QList<QPair<QString, QString>>;

// How the bytes of a reply reach the client; everything but Normal is a fault switch.
enum class Delivery {
    Normal,
    TruncatedBody, // full Content-Length promised, half the body sent, then a clean close
    Reset,         // half the body sent, then the connection aborted with a TCP RST
    Drop,          // nothing sent at all, the connection closed (the work was still done)
};

struct Reply
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Delivery delivery = Delivery::Normal;
    int delayMs = 0;
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

// 422 business-rule with `details.text` for people (what the app shows) and `diagnostics` for developers.
Reply refusalOutcome(const QString &words, const QString &diagnostics)
{
    const QJsonObject issue{{QStringLiteral("severity"), QStringLiteral("error")},
                            {QStringLiteral("code"), QStringLiteral("business-rule")},
                            {QStringLiteral("details"), QJsonObject{{QStringLiteral("text"), words}}},
                            {QStringLiteral("diagnostics"), diagnostics}};
    const QJsonObject oo{{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
                         {QStringLiteral("issue"), QJsonArray{issue}}};
    return {422, kFhirJson, QJsonDocument(oo).toJson(QJsonDocument::Compact), {}};
}

Reply json(const QJsonDocument &doc, int status = 200, const QByteArray &type = kJson)
{
    return {status, type, doc.toJson(QJsonDocument::Compact), {}};
}

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
    int page = 0; // 0 = any page (reads and writes only match page 0)
    QString mode;
    int times = 1;
    int ms = 0;                  // latency
    bool retryAfterDate = false; // 429/503: Retry-After as an HTTP-date instead of seconds
};

enum class RequestKind { Search, Read, Write };

// Retry-After as an IMF-fixdate (RFC 9110 §5.6.7), 1-2 s ahead.
QByteArray httpDateAhead()
{
    const QDateTime when = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 2, Qt::UTC);
    return QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

void writeWhole(QHttpServerResponder &responder, const Reply &reply)
{
    QHttpServerResponse response(reply.contentType.isEmpty() ? QByteArrayLiteral("text/plain") : reply.contentType,
                                 reply.body, static_cast<QHttpServerResponder::StatusCode>(reply.status));
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.write(std::move(responder));
}

// Half a response by hand: QHttpServerResponder 6.4 exposes the status line, headers, body and socket
// separately, which is what lets the sandbox lie about Content-Length and then hang up.
void writeHalf(QHttpServerResponder &responder, const Reply &reply)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.contentType);
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body.left(reply.body.size() / 2));
    responder.socket()->flush();
}

// SO_LINGER 0 turns close() into a TCP reset instead of an orderly FIN.
void resetConnection(QTcpSocket *socket)
{
    const struct linger lg{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    socket->abort();
}

void deliver(QHttpServerResponder &responder, const Reply &reply)
{
    QTcpSocket *socket = responder.socket();
    switch (reply.delivery) {
    case Delivery::Normal:
        writeWhole(responder, reply);
        return;
    case Delivery::TruncatedBody:
        writeHalf(responder, reply);
        socket->disconnectFromHost(); // sends what is buffered, then FIN
        return;
    case Delivery::Reset:
        writeHalf(responder, reply);
        // Give the half body a moment to reach the client so the reset lands mid-body.
        QTimer::singleShot(50, socket, [socket] { resetConnection(socket); });
        return;
    case Delivery::Drop:
        socket->disconnectFromHost();
        return;
    }
}

} // namespace

struct SandboxServer::Impl
{
    SandboxOptions options;
    QHttpServer http;
    ResourceStore store;
    QList<FamilyMember> family;
    std::unique_ptr<AuthServer> auth;
    quint16 port = 0;
    bool tls = false;
    int requestsSeen = 0;   // every request read in full, control paths included
    QString origin;   // http://127.0.0.1:PORT
    QString fhirBase; // origin + /fhir/R4
    QByteArray capabilityStatement;
    QByteArray smartConfiguration;
    QList<Fault> faults;
    int requestTotal = 0;
    QHash<QString, int> requestsByType;
    std::unique_ptr<PrescriptionWorkflow> prescriptions;
    // A change is always stamped after every snapshot already handed out, and a snapshot covers every
    // change already made, even within one millisecond: `gt<snapshot>` then never misses nor repeats.
    qint64 lastSnapshot = 0;
    qint64 lastStamp = 0;
    qint64 takeSnapshot() { return lastSnapshot = std::max(QDateTime::currentMSecsSinceEpoch(), lastStamp); }
    qint64 stamp() { return lastStamp = std::max(QDateTime::currentMSecsSinceEpoch(), lastSnapshot + 1); }

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Reply route(const QHttpServerRequest &request);
    Reply fhir(const QHttpServerRequest &request, const QString &path);
    Reply search(const QString &type, const Pairs &query, const DemoUser &user, const QString &fault);
    Reply read(const QString &type, const QString &id, const DemoUser &user, const QString &accept = {});
    Reply create(const QString &type, const QHttpServerRequest &request, const DemoUser &user);
    Reply patchPatient(const QString &id, const QHttpServerRequest &request, const DemoUser &user);
    Reply control(const QHttpServerRequest &request, const QString &path);
    Reply withdraw(const QString &type, const QString &id, const QString &how);
    Reply directorySearch(const QString &type, const Pairs &query);
    Reply taskHistory(const QString &id, const DemoUser &user);
    Reply prescriptionControl(const QString &path, const QUrlQuery &query);
    bool takeFault(const QString &type, int page, RequestKind kind, Fault *fault);
    const StoredResource *foreignEntry(const QString &type, const DemoUser &user, const QStringList &searched) const;
    void buildDiscovery();
};

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    d->options = options;
    d->family = buildSyntheticFamily(options.seed, std::max(1, options.scale), d->store);
    addPharmacies(d->store, referenceInstantMs());
    d->prescriptions = std::make_unique<PrescriptionWorkflow>(d->store, [impl = d.get()] { return impl->stamp(); });
    const FamilyMember &parentMember = d->family.at(0);
    const FamilyMember &teen = d->family.at(1);
    if (options.pastRequests)
        d->prescriptions->seedPastRequests(parentMember.id, referenceInstantMs());
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
    d->origin = QStringLiteral("%1://127.0.0.1:%2").arg(d->tls ? QStringLiteral("https") : QStringLiteral("http")).arg(bound);
    d->fhirBase = d->origin + kFhirPrefix;
    d->auth->setFhirBase(d->fhirBase);
    d->buildDiscovery();
    return true;
}

quint16 SandboxServer::port() const { return d->port; }

void SandboxServer::useTls(const QSslCertificate &certificate, const QSslKey &privateKey)
{
    d->http.sslSetup(certificate, privateKey, QSsl::TlsV1_2OrLater);
    d->tls = true;
}

int SandboxServer::requestsReceived() const { return d->requestsSeen; }

QUrl SandboxServer::fhirBaseUrl() const { return QUrl(d->fhirBase); }

void SandboxServer::Impl::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    ++requestsSeen;
    const Reply reply = route(request);
    if (reply.delayMs <= 0) {
        deliver(responder, reply);
        return;
    }
    // Latency without blocking the event loop: keep the responder and answer from a timer. The socket is
    // the timer's context, so a socket that is gone cancels the answer; a client that hangs up first
    // releases the responder while its socket still exists.
    auto held = std::make_shared<std::optional<QHttpServerResponder>>(std::move(responder));
    QTcpSocket *socket = (*held)->socket();
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [held] { held->reset(); });
    QTimer::singleShot(reply.delayMs, socket, [held, reply] {
        if (held->has_value()) {
            deliver(**held, reply);
            held->reset();
        }
    });
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
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    // PATCH: the patient's own nominated pharmacy (JSON Patch on Patient), see patchPatient().
    const bool patch = request.method() == QHttpServerRequest::Method::Patch;
    if (request.method() != QHttpServerRequest::Method::Get && !post && !patch)
        return outcome(405, "not-supported", QStringLiteral("Only GET, POST and PATCH are supported"));
    if (!post && path == QLatin1String("/metadata"))
        return {200, kFhirJson, capabilityStatement, {}};
    if (path == QLatin1String("/.well-known/smart-configuration") || path == QLatin1String("/.well-known/openid-configuration"))
        return {200, kJson, smartConfiguration, {}};

    QStringList parts = path.mid(1).split(QLatin1Char('/'));
    // FHIR instance history of a repeat request: GET Task/<id>/_history.
    const bool history = !post && !patch && parts.size() == 3 && parts.at(0) == QLatin1String("Task") && !parts.at(1).isEmpty()
        && parts.at(2) == QLatin1String("_history");
    if (history)
        parts.removeLast();
    if (parts.isEmpty() || parts.size() > 2 || parts.at(0).isEmpty() || (parts.size() == 2 && parts.at(1).isEmpty()))
        return outcome(404, "not-found", QStringLiteral("Unknown path"));
    const QString type = parts.at(0);
    if (!resourceTypes().contains(type))
        return outcome(404, "not-supported", QStringLiteral("Resource type not supported: ") + type);
    if (post && (parts.size() != 1 || patientElement(type).isEmpty()))
        return outcome(405, "not-supported", QStringLiteral("Only Task and Communication can be created"));
    if (patch && (parts.size() != 2 || type != QLatin1String("Patient")))
        return outcome(405, "not-supported", QStringLiteral("Only a Patient can be patched"));
    ++requestTotal;
    ++requestsByType[post ? QStringLiteral("POST ") + type : patch ? QStringLiteral("PATCH ") + type : type];

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

    const RequestKind kind = post || patch ? RequestKind::Write : parts.size() == 2 ? RequestKind::Read : RequestKind::Search;
    if (kind == RequestKind::Search && type == QLatin1String("Binary"))
        return outcome(400, "not-supported", QStringLiteral("Binary is read by id only (use the attachment url)"));
    const Pairs query = QUrlQuery(request.url()).queryItems(QUrl::FullyDecoded);
    int page = 0;
    if (kind == RequestKind::Search) {
        page = 1;
        for (const auto &[key, value] : query)
            if (key == QLatin1String("_page"))
                page = std::max(1, value.toInt());
    }
    Fault fault;
    const bool faulted = takeFault(type, page, kind, &fault);
    if (faulted && fault.mode.startsWith(QLatin1String("http-"))) {
        const int status = fault.mode.mid(5).toInt();
        Reply r = outcome(status, status == 429 ? "throttled" : status == 503 ? "transient" : status == 401 ? "login"
                                : status == 422 ? "business-rule" : "exception",
                          QStringLiteral("Injected fault"));
        if (status == 429 || status == 503)
            r.headers.append({QByteArrayLiteral("Retry-After"), fault.retryAfterDate ? httpDateAhead() : QByteArrayLiteral("1")});
        if (status == 401)
            r.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                              QByteArrayLiteral("Bearer realm=\"hearth-sandbox\", error=\"invalid_token\"")});
        return r;
    }
    const QString mode = faulted ? fault.mode : QString();
    if (history)
        return taskHistory(parts.at(1), *user);
    if (kind == RequestKind::Search && isDirectoryType(type))
        return directorySearch(type, query);
    Reply reply = patch                      ? patchPatient(parts.at(1), request, *user)
        : kind == RequestKind::Write         ? create(type, request, *user)
        : kind == RequestKind::Read          ? read(type, parts.at(1), *user, headerValue(request, QByteArrayLiteral("Accept")))
                                             : search(type, query, *user, mode);
    if (mode == QLatin1String("malformed-json") && reply.status == 200)
        reply.body.truncate(reply.body.size() / 2); // JSON cut off mid-way, honest Content-Length
    else if (mode == QLatin1String("latency"))
        reply.delayMs = fault.ms;
    else if (mode == QLatin1String("truncated-body"))
        reply.delivery = Delivery::TruncatedBody;
    else if (mode == QLatin1String("reset"))
        reply.delivery = Delivery::Reset;
    else if (mode == QLatin1String("drop-response"))
        reply.delivery = Delivery::Drop;
    return reply;
}

// Binary: the patient check is the Binary's securityContext (its patient in the store). A client that asks
// for the document's own media type in Accept gets the raw bytes; otherwise FHIR JSON with base64 data.
Reply SandboxServer::Impl::read(const QString &type, const QString &id, const DemoUser &user, const QString &accept)
{
    const StoredResource *r = store.find(type, id);
    if (!r)
        return outcome(404, "not-found", type + QLatin1Char('/') + id + QStringLiteral(" is not known"));
    if (!user.visiblePatients.contains(r->patientId) && !isDirectoryType(type))
        return outcome(403, "forbidden", QStringLiteral("You may not see this record"));
    if (r->deleted)
        return outcome(410, "deleted", type + QLatin1Char('/') + id + QStringLiteral(" was withdrawn"));
    Reply reply{200, kFhirJson, r->json, {}};
    if (type == QLatin1String("Binary") && !accept.isEmpty()) {
        const QJsonObject binary = QJsonDocument::fromJson(r->json).object();
        const QString contentType = binary.value(QStringLiteral("contentType")).toString();
        bool wantsRaw = false;
        for (const QString &item : accept.split(QLatin1Char(',')))
            wantsRaw = wantsRaw || (mediaType(item) == mediaType(contentType) && !mediaType(item).contains("json"));
        if (wantsRaw)
            reply = {200, contentType.toLatin1(), QByteArray::fromBase64(binary.value(QStringLiteral("data")).toString().toLatin1()), {}};
    }
    reply.headers.append({QByteArrayLiteral("ETag"), "W/\"" + QByteArray::number(r->versionId) + '"'});
    return reply;
}

bool SandboxServer::Impl::takeFault(const QString &type, int page, RequestKind kind, Fault *fault)
{
    for (qsizetype i = 0; i < faults.size(); ++i) {
        Fault &f = faults[i];
        if ((!f.type.isEmpty() && f.type != type) || (f.page != 0 && f.page != page))
            continue;
        // Page-shaped faults only make sense on a search.
        if (kind != RequestKind::Search
            && (f.mode == QLatin1String("duplicate-page") || f.mode == QLatin1String("foreign-patient")))
            continue;
        *fault = f;
        if (--f.times <= 0)
            faults.removeAt(i);
        return true;
    }
    return false;
}

// Keyset paging: the first page fixes a snapshot time; every next link carries it with the
// (lastUpdated, id) of the last entry served, so a resource that changes while a client pages moves
// past the snapshot instead of shifting everything after it. The client catches it on its next
// _lastUpdated=gt<snapshot> sync, because Bundle.meta.lastUpdated of every page is the snapshot.
Reply SandboxServer::Impl::search(const QString &type, const Pairs &query, const DemoUser &user, const QString &fault)
{
    QStringList patients;
    std::vector<std::function<bool(qint64)>> filters;
    int count = 50;
    qint64 snapshot = -1;
    int total = -1;
    int page = 1;
    bool hasAfter = false;
    qint64 afterMs = 0;
    QString afterId;
    bool idsOnly = false;
    bool countOnly = false;
    Pairs carried; // the client's own parameters, in request order
    const auto bad = [](const char *what) { return outcome(400, "invalid", QString::fromLatin1(what)); };
    for (const auto &[key, value] : query) {
        bool ok = false;
        if (key == QLatin1String("_snapshot")) {
            snapshot = value.toLongLong(&ok);
            if (!ok || snapshot < 0)
                return bad("_snapshot is not valid; follow the next link as given");
            continue;
        }
        if (key == QLatin1String("_total")) {
            total = value.toInt(&ok);
            if (!ok || total < 0)
                return bad("_total is not valid; follow the next link as given");
            continue;
        }
        if (key == QLatin1String("_page")) {
            page = value.toInt(&ok);
            if (!ok || page < 1)
                return bad("_page is not valid; follow the next link as given");
            continue;
        }
        if (key == QLatin1String("_after")) {
            const qsizetype dot = value.indexOf(QLatin1Char('.'));
            afterMs = value.left(dot).toLongLong(&ok);
            afterId = value.mid(dot + 1);
            if (dot < 1 || !ok || afterId.isEmpty())
                return bad("_after is not valid; follow the next link as given");
            hasAfter = true;
            continue;
        }
        carried.append({key, value});
        if (key == QLatin1String("_count")) {
            count = value.toInt(&ok);
            if (!ok || count < 0)
                return bad("_count must be a non-negative integer");
            count = std::min(count, 1000);
        } else if (key == QLatin1String("_lastUpdated")) {
            std::function<bool(qint64)> test;
            if (!parseLastUpdated(value, test))
                return bad("_lastUpdated needs [gt|ge|lt|le] and an instant with a time zone");
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
        } else if (key == QLatin1String("_elements")) {
            if (value != QLatin1String("id"))
                return outcome(400, "not-supported", QStringLiteral("Only _elements=id is supported"));
            idsOnly = true;
        } else if (key == QLatin1String("_summary")) {
            if (value != QLatin1String("count"))
                return outcome(400, "not-supported", QStringLiteral("Only _summary=count is supported"));
            countOnly = true;
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

    if (snapshot < 0)
        snapshot = takeSnapshot();
    const auto filter = [&filters, snapshot](qint64 v) {
        if (v > snapshot)
            return false;
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
    const auto before = [](const StoredResource *a, const StoredResource *b) {
        return a->lastUpdatedMs != b->lastUpdatedMs ? a->lastUpdatedMs < b->lastUpdatedMs : a->id < b->id;
    };
    if (patients.size() > 1)
        std::sort(matches.begin(), matches.end(), before);
    if (total < 0)
        total = int(matches.size());

    size_t start = 0;
    if (hasAfter)
        start = size_t(std::partition_point(matches.begin(), matches.end(), [&](const StoredResource *r) {
                           return r->lastUpdatedMs < afterMs || (r->lastUpdatedMs == afterMs && r->id <= afterId);
                       }) - matches.begin());
    const size_t end = countOnly ? start : std::min(matches.size(), start + size_t(count));
    std::vector<const StoredResource *> entries(matches.begin() + qsizetype(start), matches.begin() + qsizetype(end));
    // Where the next link continues from: after the last entry actually served.
    size_t servedEnd = end;
    if (fault == QLatin1String("duplicate-page") && start > 0) { // page N shows page N-1 again, then paging goes on
        entries.assign(matches.begin() + qsizetype(start - std::min(start, size_t(count))), matches.begin() + qsizetype(start));
        servedEnd = start;
    }
    if (fault == QLatin1String("foreign-patient"))
        if (const StoredResource *foreign = foreignEntry(type, user, patients))
            entries.push_back(foreign);

    // Built from the stored bytes: no per-request JSON tree for the resources.
    const QByteArray typeUrl = fhirBase.toUtf8() + '/' + type.toUtf8();
    const auto link = [&](bool withKey, const StoredResource *last, int pageNumber) {
        Pairs pairs = carried;
        if (withKey) {
            pairs.append({QStringLiteral("_snapshot"), QString::number(snapshot)});
            pairs.append({QStringLiteral("_after"), QString::number(last ? last->lastUpdatedMs : afterMs) + QLatin1Char('.')
                                                       + (last ? last->id : afterId)});
            pairs.append({QStringLiteral("_page"), QString::number(pageNumber)});
            pairs.append({QStringLiteral("_total"), QString::number(total)});
        }
        const QByteArray q = encodeQuery(pairs);
        return q.isEmpty() ? typeUrl : typeUrl + '?' + q;
    };
    QByteArray body;
    body.reserve(1024 + qsizetype(entries.size()) * 900);
    body += "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"meta\":{\"lastUpdated\":\""
        + formatInstant(snapshot, true).toLatin1() + "\"},\"total\":" + QByteArray::number(total)
        + ",\"link\":[{\"relation\":\"self\",\"url\":\"" + link(hasAfter, nullptr, page) + "\"}";
    if (servedEnd < matches.size() && count > 0 && !countOnly)
        body += ",{\"relation\":\"next\",\"url\":\"" + link(true, matches[servedEnd - 1], page + 1) + "\"}";
    body += ']';
    if (!countOnly) {
        body += ",\"entry\":[";
        for (size_t i = 0; i < entries.size(); ++i) {
            const StoredResource *r = entries[i];
            if (i > 0)
                body += ',';
            body += "{\"fullUrl\":\"" + typeUrl + '/' + r->id.toUtf8() + "\",\"resource\":";
            if (idsOnly) // FHIR marks a resource with elements left out as SUBSETTED
                body += "{\"resourceType\":\"" + type.toUtf8() + "\",\"id\":\"" + r->id.toUtf8()
                    + "\",\"meta\":{\"versionId\":\"" + QByteArray::number(r->versionId) + "\",\"lastUpdated\":\""
                    + formatInstant(r->lastUpdatedMs, false).toLatin1()
                    + "\",\"tag\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ObservationValue\",\"code\":\"SUBSETTED\"}]}}";
            else
                body += r->json;
            body += ",\"search\":{\"mode\":\"match\"}}";
        }
        body += ']';
    }
    body += '}';
    return {200, kFhirJson, body, {}};
}

// An entry the token must not see (or, for a user who sees everyone, of a patient other than the one
// searched): what a server bug or a mixed-up proxy link would look like to the client.
const StoredResource *SandboxServer::Impl::foreignEntry(const QString &type, const DemoUser &user,
                                                        const QStringList &searched) const
{
    QStringList candidates;
    for (const FamilyMember &m : family)
        if (!user.visiblePatients.contains(m.id))
            candidates.append(m.id);
    if (candidates.isEmpty())
        for (const FamilyMember &m : family)
            if (!searched.contains(m.id))
                candidates.append(m.id);
    for (const QString &p : std::as_const(candidates)) {
        const auto found = store.search(type, p, {});
        if (!found.empty())
            return found.front();
    }
    return nullptr;
}

static bool hasIdentifier(const QByteArray &json, const QString &system, bool anySystem, const QString &value)
{
    const QJsonArray ids = QJsonDocument::fromJson(json).object().value(QStringLiteral("identifier")).toArray();
    for (const auto &v : ids) {
        const QJsonObject id = v.toObject();
        if (id.value(QStringLiteral("value")).toString() == value
            && (anySystem || id.value(QStringLiteral("system")).toString() == system))
            return true;
    }
    return false;
}

// FHIR create with optional conditional create (If-None-Exist: identifier=<system>|<value>), so a client
// that resends after a lost response gets the first resource back instead of a second one.
Reply SandboxServer::Impl::create(const QString &type, const QHttpServerRequest &request, const DemoUser &user)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return outcome(400, "invalid", QStringLiteral("The body must be a FHIR resource in JSON"));
    QJsonObject resource = doc.object();
    if (resource.value(QStringLiteral("resourceType")).toString() != type)
        return outcome(400, "invalid", QStringLiteral("resourceType must be ") + type);
    const QString element = patientElement(type);
    const QString reference = resource.value(element).toObject().value(QStringLiteral("reference")).toString();
    if (!reference.startsWith(QLatin1String("Patient/")) || reference.size() <= 8)
        return outcome(400, "required", type + QLatin1Char('.') + element + QStringLiteral(" must reference a Patient"));
    const QString patientId = reference.mid(8);
    if (!user.visiblePatients.contains(patientId))
        return outcome(403, "forbidden", QStringLiteral("You may not write to this patient's record"));

    const QString condition = headerValue(request, QByteArrayLiteral("If-None-Exist"));
    if (!condition.isEmpty()) {
        const Pairs items = QUrlQuery(condition).queryItems(QUrl::FullyDecoded);
        if (items.size() != 1 || items.at(0).first != QLatin1String("identifier") || items.at(0).second.isEmpty())
            return outcome(400, "not-supported", QStringLiteral("If-None-Exist supports identifier=<system>|<value> only"));
        const QString token = items.at(0).second;
        const qsizetype bar = token.indexOf(QLatin1Char('|'));
        const QString system = bar < 0 ? QString() : token.left(bar);
        const QString value = bar < 0 ? token : token.mid(bar + 1);
        std::vector<const StoredResource *> found;
        for (const StoredResource *r : store.all(type))
            if (hasIdentifier(r->json, system, bar < 0, value))
                found.push_back(r);
        if (found.size() > 1)
            return outcome(412, "duplicate", QStringLiteral("More than one resource matches If-None-Exist"));
        if (found.size() == 1) {
            if (!user.visiblePatients.contains(found.front()->patientId))
                return outcome(403, "forbidden", QStringLiteral("You may not see the matching resource"));
            Reply reply{200, kFhirJson, found.front()->json, {}};
            reply.headers.append({QByteArrayLiteral("ETag"), "W/\"" + QByteArray::number(found.front()->versionId) + '"'});
            return reply;
        }
    }
    if (type == QLatin1String("Task")) {
        // The practice system's own rules: a request it will not take is refused with words for the patient.
        QString diagnostics;
        const QString words = prescriptions->refusal(resource, patientId, &diagnostics);
        if (!words.isEmpty())
            return refusalOutcome(words, diagnostics);
    }
    resource.remove(QStringLiteral("id")); // the server names it
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const StoredResource *r = store.insert(type, id, patientId, stamp(), resource);
    if (type == QLatin1String("Task"))
        prescriptions->recordVersion(*r);
    Reply reply{201, kFhirJson, r->json, {}};
    reply.headers.append({QByteArrayLiteral("Location"), (fhirBase + QLatin1Char('/') + type + QLatin1Char('/') + id
                                                           + QStringLiteral("/_history/1")).toUtf8()});
    reply.headers.append({QByteArrayLiteral("ETag"), QByteArrayLiteral("W/\"1\"")});
    return reply;
}

// PATCH Patient/<id> (application/json-patch+json, If-Match W/"<version>"), as PDS takes a change of nominated
// pharmacy: only the signed-in patient themself (a proxy may not: 403), only the extensions, only the current
// version (412 otherwise, 428 without If-Match). Answers 200 with the Patient at its new version.
Reply SandboxServer::Impl::patchPatient(const QString &id, const QHttpServerRequest &request, const DemoUser &user)
{
    const StoredResource *r = store.find(QStringLiteral("Patient"), id);
    if (!r || r->deleted)
        return outcome(404, "not-found", QStringLiteral("Patient/") + id + QStringLiteral(" is not known"));
    if (user.patientId != id)
        return outcome(403, "forbidden", QStringLiteral("Only the patient can change their nominated pharmacy"));
    if (mediaType(headerValue(request, QByteArrayLiteral("Content-Type"))) != "application/json-patch+json")
        return outcome(415, "not-supported", QStringLiteral("Send a JSON Patch (application/json-patch+json)"));
    const QString ifMatch = headerValue(request, QByteArrayLiteral("If-Match"));
    if (ifMatch.isEmpty())
        return outcome(428, "required", QStringLiteral("If-Match with the Patient's version is required"));
    QString version = ifMatch.trimmed();
    if (version.startsWith(QLatin1String("W/")))
        version = version.mid(2);
    version.remove(QLatin1Char('"'));
    if (version != QString::number(r->versionId))
        return outcome(412, "conflict", QStringLiteral("The Patient has changed since it was read"));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return outcome(400, "invalid", QStringLiteral("The body must be a JSON Patch array"));
    if (!patchTouchesOnlyExtensions(doc.array()))
        return outcome(403, "forbidden", QStringLiteral("Only the nominated pharmacy can be changed here"));
    QJsonObject patient = QJsonDocument::fromJson(r->json).object();
    QString why;
    if (!applyJsonPatch(patient, doc.array(), &why))
        return outcome(422, "processing", QStringLiteral("The patch cannot be applied: ") + why);
    store.update(QStringLiteral("Patient"), id, stamp(), [&patient](QJsonObject &o) { o = patient; });
    const StoredResource *updated = store.find(QStringLiteral("Patient"), id);
    Reply reply{200, kFhirJson, updated->json, {}};
    reply.headers.append({QByteArrayLiteral("ETag"), "W/\"" + QByteArray::number(updated->versionId) + '"'});
    return reply;
}

// how=delete: gone (410 on read, out of searches and counts). how=entered-in-error: kept, marked the FHIR R4
// way and given a new version and lastUpdated so an incremental sync sees it.
Reply SandboxServer::Impl::withdraw(const QString &type, const QString &id, const QString &how)
{
    const auto error = [](int status, const char *message) {
        return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QString::fromLatin1(message)}}), status);
    };
    if (how == QLatin1String("delete")) {
        if (!store.remove(type, id))
            return error(404, "unknown resource");
        return json(QJsonDocument(QJsonObject{{QStringLiteral("withdrawn"), type + QLatin1Char('/') + id}}));
    }
    if (how != QLatin1String("entered-in-error"))
        return error(400, "how must be delete or entered-in-error");
    if (type == QLatin1String("Patient") || type == QLatin1String("Binary"))
        return error(400, "a Patient or Binary cannot be entered-in-error here (mark the DocumentReference instead)");
    const auto mark = [&type](QJsonObject &o) {
        const bool clinical = type == QLatin1String("Condition") || type == QLatin1String("AllergyIntolerance");
        if (!clinical) {
            o.insert(QStringLiteral("status"), QStringLiteral("entered-in-error"));
            return;
        }
        const QString system = type == QLatin1String("Condition")
            ? QStringLiteral("http://terminology.hl7.org/CodeSystem/condition-ver-status")
            : QStringLiteral("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");
        o.insert(QStringLiteral("verificationStatus"),
                 QJsonObject{{QStringLiteral("coding"), QJsonArray{QJsonObject{{QStringLiteral("system"), system},
                                                                               {QStringLiteral("code"), QStringLiteral("entered-in-error")}}}}});
        o.remove(QStringLiteral("clinicalStatus")); // con-5 / ait-2: none when entered in error
    };
    const qint64 now = stamp();
    if (!store.update(type, id, now, mark))
        return error(404, "unknown resource");
    return json(QJsonDocument(QJsonObject{{QStringLiteral("lastUpdated"), formatInstant(now, false)}}));
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
            QJsonObject documentCounts;
            for (const QString &type : resourceTypes())
                if (!isDirectoryType(type)) // the pharmacy directory is nobody's record
                    (isDocumentType(type) ? documentCounts : counts).insert(type, store.count(type, m.id));
            out.append(QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("user"), m.user},
                                   {QStringLiteral("family"), m.family},
                                   {QStringLiteral("given"), m.given},
                                   {QStringLiteral("nhsNumber"), m.nhsNumber},
                                   {QStringLiteral("birthDate"), m.birthDate},
                                   {QStringLiteral("counts"), counts},
                                   {QStringLiteral("documentCounts"), documentCounts}});
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
            static const QStringList modes{
                QStringLiteral("http-500"),       QStringLiteral("malformed-json"), QStringLiteral("http-429"),
                QStringLiteral("http-503"),       QStringLiteral("http-401"),       QStringLiteral("latency"),
                QStringLiteral("truncated-body"), QStringLiteral("reset"),          QStringLiteral("duplicate-page"),
                QStringLiteral("foreign-patient"), QStringLiteral("drop-response"), QStringLiteral("http-422")};
            if (!modes.contains(mode))
                return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown mode")}}), 400);
            Fault f{param("type"), param("page").toInt(), mode,
                    query.hasQueryItem(QStringLiteral("times")) ? param("times").toInt() : 1, param("ms").toInt(),
                    param("retry-after") == QLatin1String("date")};
            if (f.times < 1 || f.page < 0 || (!f.type.isEmpty() && !resourceTypes().contains(f.type))
                || (mode == QLatin1String("latency") && (f.ms < 1 || f.ms > 120000)))
                return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("bad type, page, times or ms")}}), 400);
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
        const qint64 now = stamp();
        if (!store.touch(param("type"), param("id"), now))
            return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown resource")}}), 404);
        return json(QJsonDocument(QJsonObject{{QStringLiteral("lastUpdated"), formatInstant(now, false)}}));
    }
    if (path == QLatin1String("/_sandbox/withdraw") && method == QHttpServerRequest::Method::Post)
        return withdraw(param("type"), param("id"), param("how"));
    if (path == QLatin1String("/_sandbox/expire-tokens") && method == QHttpServerRequest::Method::Post)
        return json(QJsonDocument(QJsonObject{{QStringLiteral("expired"), auth->expireAccessTokens(param("user"))}}));
    if (path == QLatin1String("/_sandbox/revoke") && method == QHttpServerRequest::Method::Post) {
        if (param("user").isEmpty())
            return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("user is required")}}), 400);
        return json(QJsonDocument(QJsonObject{{QStringLiteral("revoked"), auth->revokeUser(param("user"))}}));
    }
    if (path.startsWith(QLatin1String("/_sandbox/prescriptions/")) && method == QHttpServerRequest::Method::Post)
        return prescriptionControl(path, query);
    if (path == QLatin1String("/_sandbox/resources") && method == QHttpServerRequest::Method::Get) {
        if (!resourceTypes().contains(param("type")))
            return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown type")}}), 400);
        QJsonArray ids;
        for (const StoredResource *r : store.all(param("type")))
            ids.append(r->id);
        return json(QJsonDocument(QJsonObject{{QStringLiteral("count"), int(ids.size())}, {QStringLiteral("ids"), ids}}));
    }
    return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")}}), 404);
}

// The pharmacy directory: small, not anyone's record, one page. `_id`, `identifier` ([system|]value) and,
// for Location, `organization` (Organization/<id> or <id>; a comma between several means "any of");
// for Organization the FHIR string searches `name` (starts with), `name:contains`, `address-city` and
// `address-postalcode` (starts with; case, accents of ASCII and, for postcodes, spaces ignored); no
// parameter lists everything.
Reply SandboxServer::Impl::directorySearch(const QString &type, const Pairs &query)
{
    std::vector<std::function<bool(const StoredResource &, const QJsonObject &)>> tests;
    for (const auto &[key, value] : query) {
        if (key == QLatin1String("_id")) {
            tests.push_back([value](const StoredResource &r, const QJsonObject &) { return r.id == value; });
        } else if (key == QLatin1String("identifier")) {
            const qsizetype bar = value.indexOf(QLatin1Char('|'));
            const QString system = bar < 0 ? QString() : value.left(bar);
            const QString code = bar < 0 ? value : value.mid(bar + 1);
            tests.push_back([system, code, any = bar < 0](const StoredResource &r, const QJsonObject &) {
                return hasIdentifier(r.json, system, any, code);
            });
        } else if (key == QLatin1String("organization") && type == QLatin1String("Location")) {
            QStringList refs;
            for (const QString &one : value.split(QLatin1Char(',')))
                refs << (one.startsWith(QLatin1String("Organization/")) ? one : QStringLiteral("Organization/") + one);
            tests.push_back([refs](const StoredResource &, const QJsonObject &o) {
                return refs.contains(o.value(QStringLiteral("managingOrganization")).toObject().value(QStringLiteral("reference")).toString());
            });
        } else if (type == QLatin1String("Organization")
                   && (key == QLatin1String("name") || key == QLatin1String("name:contains") || key == QLatin1String("address-city")
                       || key == QLatin1String("address-postalcode"))) {
            const bool postcode = key == QLatin1String("address-postalcode");
            const auto fold = [postcode](QString text) {
                text = text.simplified().toCaseFolded();
                return postcode ? text.remove(QLatin1Char(' ')) : text;
            };
            const QString wanted = fold(value);
            const bool contains = key == QLatin1String("name:contains");
            tests.push_back([key, wanted, contains, fold](const StoredResource &, const QJsonObject &o) {
                QStringList values;
                if (key.startsWith(QLatin1String("name")))
                    values << o.value(QStringLiteral("name")).toString();
                else
                    for (const QJsonValue &a : o.value(QStringLiteral("address")).toArray())
                        values << a.toObject().value(key == QLatin1String("address-city") ? QStringLiteral("city") : QStringLiteral("postalCode")).toString();
                for (const QString &v : std::as_const(values)) {
                    const QString text = fold(v);
                    if (contains ? text.contains(wanted) : text.startsWith(wanted))
                        return true;
                }
                return false;
            });
        } else if (key != QLatin1String("_count") && key != QLatin1String("_format")) {
            return outcome(400, "not-supported", QStringLiteral("Unsupported search parameter: ") + key);
        }
    }
    QByteArray entries;
    int total = 0;
    for (const StoredResource *r : store.search(type, QString(), {})) {
        const QJsonObject o = QJsonDocument::fromJson(r->json).object();
        bool match = true;
        for (const auto &test : tests)
            match = match && test(*r, o);
        if (!match)
            continue;
        if (total++ > 0)
            entries += ',';
        entries += "{\"fullUrl\":\"" + fhirBase.toUtf8() + '/' + type.toUtf8() + '/' + r->id.toUtf8() + "\",\"resource\":" + r->json
            + ",\"search\":{\"mode\":\"match\"}}";
    }
    const QByteArray body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"meta\":{\"lastUpdated\":\""
        + formatInstant(takeSnapshot(), true).toLatin1() + "\"},\"total\":" + QByteArray::number(total) + ",\"entry\":["
        + entries + "]}";
    return {200, kFhirJson, body, {}};
}

// FHIR instance history: every version the sandbox made of a repeat request, newest first.
Reply SandboxServer::Impl::taskHistory(const QString &id, const DemoUser &user)
{
    const StoredResource *r = store.find(QStringLiteral("Task"), id);
    if (!r)
        return outcome(404, "not-found", QStringLiteral("Task/") + id + QStringLiteral(" is not known"));
    if (!user.visiblePatients.contains(r->patientId))
        return outcome(403, "forbidden", QStringLiteral("You may not see this record"));
    const QList<QByteArray> versions = prescriptions->history(id);
    QByteArray entries;
    for (qsizetype i = versions.size() - 1; i >= 0; --i) {
        if (!entries.isEmpty())
            entries += ',';
        entries += "{\"fullUrl\":\"" + fhirBase.toUtf8() + "/Task/" + id.toUtf8() + "\",\"resource\":" + versions.at(i)
            + ",\"request\":{\"method\":\"" + (i == 0 ? "POST" : "PUT") + "\",\"url\":\"Task" + (i == 0 ? QByteArray() : "/" + id.toUtf8())
            + "\"},\"response\":{\"status\":\"" + (i == 0 ? "201" : "200") + "\"}}";
    }
    const QByteArray body = "{\"resourceType\":\"Bundle\",\"type\":\"history\",\"total\":"
        + QByteArray::number(versions.size()) + ",\"entry\":[" + entries + "]}";
    return {200, kFhirJson, body, {}};
}

// POST /_sandbox/prescriptions/advance?id=<Task id>[&reject=<reason>]: one step now.
// POST /_sandbox/prescriptions/timing?step-ms=<N>[&reject=<reason>]: every open request moves a step every N ms
// (0 = only by advance); with reject, reviews end in a rejection with that reason.
Reply SandboxServer::Impl::prescriptionControl(const QString &path, const QUrlQuery &query)
{
    const auto param = [&query](const char *name) { return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    if (path == QLatin1String("/_sandbox/prescriptions/advance")) {
        const PrescriptionWorkflow::Outcome o = prescriptions->advance(param("id"), param("reject"));
        if (o.status != 200)
            return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), o.error}}), o.status);
        return json(QJsonDocument(QJsonObject{{QStringLiteral("step"), o.step}}));
    }
    if (path == QLatin1String("/_sandbox/prescriptions/timing")) {
        bool ok = false;
        const int ms = param("step-ms").toInt(&ok);
        if (!ok || ms < 0)
            return json(QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("step-ms must be >= 0")}}), 400);
        prescriptions->setAutoRejectReason(param("reject"));
        prescriptions->setStepMs(ms);
        return json(QJsonDocument(QJsonObject{{QStringLiteral("stepMs"), ms}}));
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
        if (type == QLatin1String("Binary")) { // read only, by the attachment url
            resources.append(QJsonObject{{QStringLiteral("type"), type},
                                         {QStringLiteral("interaction"),
                                          QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("read")}}}}});
            continue;
        }
        QJsonArray params{searchParam("_lastUpdated", "date"), searchParam("_count", "number")};
        if (isDirectoryType(type)) {
            params = QJsonArray{searchParam("_id", "token"), searchParam("identifier", "token")};
            if (type == QLatin1String("Location"))
                params.append(searchParam("organization", "reference"));
            else
                for (const char *name : {"name", "address-city", "address-postalcode"})
                    params.append(searchParam(name, "string"));
        } else if (type == QLatin1String("Patient")) {
            params.append(searchParam("_id", "token"));
        } else {
            params.append(searchParam("patient", "reference"));
            params.append(searchParam("subject", "reference"));
        }
        QJsonArray interactions{QJsonObject{{QStringLiteral("code"), QStringLiteral("read")}},
                                QJsonObject{{QStringLiteral("code"), QStringLiteral("search-type")}}};
        QJsonObject resource{{QStringLiteral("type"), type}, {QStringLiteral("searchParam"), params}};
        if (!patientElement(type).isEmpty()) {
            interactions.append(QJsonObject{{QStringLiteral("code"), QStringLiteral("create")}});
            resource.insert(QStringLiteral("conditionalCreate"), true);
        }
        resource.insert(QStringLiteral("interaction"), interactions);
        resources.append(resource);
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
