package cn.cppcc.proposals.unithandling;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitAssignmentRepository extends JpaRepository<UnitAssignment, Long> {
    List<UnitAssignment> findByProposalIdOrderById(long proposalId);

    List<UnitAssignment> findByStatusIn(List<UnitStatus> statuses);

    boolean existsByProposalIdAndUnitCodeIn(long proposalId, Collection<String> unitCodes);

    /** The assignment a unit-handling process instance works on (a reassigned one hands it on). */
    Optional<UnitAssignment> findFirstByProcessInstanceIdAndStatusNot(String processInstanceId, UnitStatus status);
}
