import QtQuick

// Stands in for hearth::RecordViewModel.
Item {
    property string firstName: "Sarah"
    property string fullName: "Sarah Jones"
    property string nhsNumber: "943 476 5919"
    property bool hasRecord: true
    property int reloads: 0
    property alias allergies: allergiesModel
    property alias medicines: medicinesModel
    property alias problems: problemsModel
    property alias immunisations: immunisationsModel
    property alias results: resultsModel

    function reload() { reloads++ }

    function fillSample() {
        allergiesModel.fill([{ title: "Penicillin", detail: "Reaction: Skin rash (moderate)", dateText: "Recorded 19 July 2012" }]);
        medicinesModel.fill([
            { title: "Metformin 500mg tablets", detail: "One tablet twice a day with meals", dateText: "Started 1 February 2024", flag: "repeat", flagText: "Repeat prescription" },
            { title: "Amoxicillin 500mg capsules", detail: "One capsule three times a day for 5 days", dateText: "Prescribed 20 April 2024", flag: "acute", flagText: "One-off prescription" }
        ]);
        problemsModel.fill([
            { title: "High blood pressure", dateText: "Started June 2019", flag: "active", flagText: "Active" },
            { title: "Fractured left wrist", dateText: "Started 2 March 2015", flag: "past", flagText: "Past" }
        ]);
        immunisationsModel.fill([{ title: "Influenza vaccine", dateText: "Given 5 October 2023" }]);
        resultsModel.fill([
            { title: "Potassium", detail: "5.9 mmol/L\nNormal range: 3.5 to 5.3 mmol/L", dateText: "1 May 2024", flag: "high", flagText: "Higher than normal" },
            { title: "Haemoglobin", detail: "110 g/L\nNormal range: 115 to 165 g/L", dateText: "2 April 2024", flag: "low", flagText: "Lower than normal" },
            { title: "Serum sodium level", detail: "141 mmol/L\nNormal range: 133 to 146 mmol/L", dateText: "1 May 2024", flag: "normal", flagText: "Normal" },
            { title: "Blood pressure", detail: "128/82 mmHg", dateText: "15 March 2024" }
        ]);
    }

    FakeSection { id: allergiesModel; emptyText: "No allergies recorded" }
    FakeSection { id: medicinesModel; emptyText: "No medicines recorded" }
    FakeSection { id: problemsModel; emptyText: "No health problems recorded" }
    FakeSection { id: immunisationsModel; emptyText: "No vaccinations recorded" }
    FakeSection { id: resultsModel; emptyText: "No test results yet" }
}
