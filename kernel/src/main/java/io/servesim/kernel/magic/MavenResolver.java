package io.servesim.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates (with their runtime dependencies) to jar files with Apache Maven Resolver: the user's
 * local repository ({@code ~/.m2/repository}, or {@code -Dmaven.repo.local}) first, then Maven Central and the
 * repositories added with {@code %mavenRepo}. One per kernel session.
 */
final class MavenResolver {
    static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();
    private static final List<RemoteRepository> EXTRA = new CopyOnWriteArrayList<>();
    private static RepositorySystem system;

    private MavenResolver() {
    }

    /** Adds a remote repository for later resolutions. */
    static void addRepository(String id, String url) {
        EXTRA.removeIf(r -> r.getId().equals(id));
        EXTRA.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    /** Returns the repositories searched after the local one. */
    static List<RemoteRepository> repositories() {
        List<RemoteRepository> all = new ArrayList<>(List.of(CENTRAL));
        all.addAll(EXTRA);
        return all;
    }

    /** Returns the local repository folder. */
    static Path localRepository() {
        String custom = System.getProperty("maven.repo.local");
        return custom != null ? Path.of(custom) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Returns the jars of {@code coordinates} and their runtime dependencies, in resolution order. */
    static List<Path> resolve(String coordinates, boolean offline) throws DependencyResolutionException {
        RepositorySystem sys = system();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(sys).get()
                .withLocalRepositoryBaseDirectories(localRepository()).setOffline(offline).build()) {
            CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coordinates),
                    JavaScopes.RUNTIME), repositories());
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : sys.resolveDependencies(session, request).getArtifactResults()) {
                if (r.getArtifact() != null && r.getArtifact().getPath() != null) {
                    jars.add(r.getArtifact().getPath());
                }
            }
            return jars;
        }
    }

    private static synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }
}
