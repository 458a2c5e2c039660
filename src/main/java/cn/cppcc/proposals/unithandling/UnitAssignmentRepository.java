package cn.cppcc.proposals.unithandling;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The hot look-ups are JPQL strings, not derived from the method names: Hibernate caches the plan
 * of a query string, while a derived query is a criteria query that it copies and translates to SQL
 * on every call (issue 13: 8 % of a step's time went to translating these two).
 */
public interface UnitAssignmentRepository extends JpaRepository<UnitAssignment, Long> {

    @Query("select a from UnitAssignment a where a.proposalId = ?1 order by a.id")
    List<UnitAssignment> findByProposalIdOrderById(long proposalId);

    List<UnitAssignment> findByStatusIn(List<UnitStatus> statuses);

    boolean existsByProposalIdAndUnitCodeIn(long proposalId, Collection<String> unitCodes);

    /** The assignments a unit-handling process instance works on, but those reassigned (one, at most). */
    @Query("select a from UnitAssignment a where a.processInstanceId = ?1 and a.status <> ?2 order by a.id")
    List<UnitAssignment> findByProcessInstanceIdAndStatusNot(String processInstanceId, UnitStatus status);

    /** The assignment a unit-handling process instance works on (a reassigned one hands it on). */
    default Optional<UnitAssignment> findFirstByProcessInstanceIdAndStatusNot(String processInstanceId, UnitStatus status) {
        return findByProcessInstanceIdAndStatusNot(processInstanceId, status).stream().findFirst();
    }
}
