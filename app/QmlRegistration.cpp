#include "QmlRegistration.h"

#include "AppController.h"
#include "AppearanceSettings.h"
#include "GlossaryViewModel.h"
#include "RecordViewModel.h"
#include "ResultsViewModel.h"
#include "ResultsViewModelDetail.h"
#include "TrendModel.h"
#include "SearchViewModel.h"
#include "SectionListModel.h"
#include "SectionsViewModel.h"
#include "SummaryListModel.h"
#include "PrescriptionsListModel.h"
#include "PrescriptionsOrder.h"
#include "PrescriptionsViewModel.h"

#include <QQmlEngine>

namespace hearth {

void registerQmlTypes()
{
    const QString why = QStringLiteral("created by the app, not by QML");
    qmlRegisterUncreatableType<AppController>("Hearth.App", 1, 0, "AppController", why);
    qmlRegisterUncreatableType<RecordViewModel>("Hearth.App", 1, 0, "RecordViewModel", why);
    qmlRegisterUncreatableType<SummaryListModel>("Hearth.App", 1, 0, "SummaryListModel", why);
    qmlRegisterUncreatableType<ResultsViewModel>("Hearth.App", 1, 0, "ResultsViewModel", why);
    qmlRegisterUncreatableType<ResultsDetailModel>("Hearth.App", 1, 0, "ResultsDetailModel", why);
    qmlRegisterUncreatableType<TrendModel>("Hearth.App", 1, 0, "TrendModel", why);
    qmlRegisterUncreatableType<GlossaryViewModel>("Hearth.App", 1, 0, "GlossaryViewModel", why);
    qmlRegisterUncreatableType<GlossaryListModel>("Hearth.App", 1, 0, "GlossaryListModel", why);
    qmlRegisterUncreatableType<AppearanceSettings>("Hearth.App", 1, 0, "AppearanceSettings", why);
    qmlRegisterUncreatableType<SearchViewModel>("Hearth.App", 1, 0, "SearchViewModel", why);
    qmlRegisterUncreatableType<SectionsViewModel>("Hearth.App", 1, 0, "SectionsViewModel", why);
    qmlRegisterUncreatableType<SectionListModel>("Hearth.App", 1, 0, "SectionListModel", why);
    qmlRegisterUncreatableType<PrescriptionsViewModel>("Hearth.App", 1, 0, "PrescriptionsViewModel", why);
    qmlRegisterUncreatableType<PrescriptionsListModel>("Hearth.App", 1, 0, "PrescriptionsListModel", why);
    qmlRegisterUncreatableType<PrescriptionsOrder>("Hearth.App", 1, 0, "PrescriptionsOrder", why);
}

} // namespace hearth
