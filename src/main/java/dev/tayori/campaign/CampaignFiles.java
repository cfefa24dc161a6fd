package dev.tayori.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/** Reads every campaigns/*.yaml file; one broken file is reported with all the others' problems. */
public final class CampaignFiles {
    private CampaignFiles() {
    }

    /** Parses the files; problems are added to {@code problems}, the campaigns that parsed are returned. */
    static List<Campaign> read(Path dir, List<CampaignProblem> problems) {
        List<Campaign> campaigns = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new CampaignProblem(dir.toString(), 0, "the campaigns folder does not exist"
                    + " (set campaigns.dir, or run tayori from the folder that holds campaigns/)"));
            return campaigns;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new CampaignProblem(dir.toString(), 0, "cannot list the campaigns folder: " + e.getMessage()));
            return campaigns;
        }
        for (Path file : files) {
            readFile(file, problems).ifPresent(campaigns::add);
        }
        return campaigns;
    }

    private static Optional<Campaign> readFile(Path file, List<CampaignProblem> problems) {
        String id = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add(CampaignProblem.at(file, 0, "the file name '" + id
                    + "' is the campaign id: use lower-case letters, digits and dashes, like spring-course.yaml"));
            return Optional.empty();
        }
        Optional<Node> root = CampaignText.read(file, problems).flatMap(text -> CampaignYaml.parse(file, text, problems));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        Optional<YamlMap> map = YamlMap.of(file, root.get(), problems, "a campaign file");
        if (map.isEmpty()) {
            return Optional.empty();
        }
        String kind = map.get().required("kind", "sequence");
        if (kind == null) {
            return Optional.empty();
        }
        Optional<Campaign> campaign = switch (kind) {
            case "sequence" -> Optional.ofNullable(SequenceFile.parse(id, file, map.get()));
            case "newsletter" -> Optional.ofNullable(NewsletterFile.parse(id, file, map.get()));
            case "announcement" -> Optional.ofNullable(AnnouncementFile.parse(id, file, map.get()));
            default -> {
                map.get().problem(map.get().lineOf("kind"), "kind '" + kind + "' is not known; use one of: sequence, newsletter, announcement");
                yield Optional.empty();
            }
        };
        return problems.size() == before ? campaign : Optional.empty();
    }
}
