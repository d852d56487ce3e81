import Interlink

/// Every study `interlink run --all` computes, in report order. A new study is one file in
/// `studies/` plus one line here.
public enum Catalogue {
    /// The catalogue.
    public static func studies() throws -> StudyCatalogue {
        try StudyCatalogue([
            RequirementsStudy(),
            LinkBudgetStudy(),
            TransductionFrontierStudy(),
            PhotonLossStudy(),
            ModeMatchingStudy(),
            MemoryBufferingStudy(),
            PurificationStudy(),
            ModalityMixStudy(),
            HeterogeneousMachinesStudy(),
            ValidationStudy(),
        ])
    }
}
