package dev.tayori.campaign;

import java.util.List;
import java.util.stream.Collectors;

/** Campaign files that cannot be used, with every problem found (not just the first). */
public class CampaignFileException extends RuntimeException {
    private final List<CampaignProblem> problems;

    public CampaignFileException(List<CampaignProblem> problems) {
        super(problems.stream().map(CampaignProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CampaignProblem> problems() {
        return problems;
    }
}
